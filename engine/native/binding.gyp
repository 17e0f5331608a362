{
  "targets": [
    {
      "target_name": "theorycheck_native",
      "sources": ["addon.cc", "batch-matmul.cc", "normal-fill.cc"],
      "cflags_cc": ["-O3", "-march=native", "-std=c++17"]
    }
  ]
}
