{
  "targets": [
    {
      "target_name": "batch_matmul",
      "sources": ["batch-matmul.cc"],
      "cflags_cc": ["-O3", "-march=native", "-std=c++17"]
    }
  ]
}
