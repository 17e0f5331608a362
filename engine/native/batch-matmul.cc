// A batched float32 matrix product for the engine's wasm backend (engine/native/native-matmul.ts):
// out[s] = op(a[s]) · op(b[s]) for s < batch, op = transpose or not, with a batch of 1 broadcast.
// Plain loops in an order the compiler vectorizes (-O3 -march=native): i-p-j with the output row
// contiguous when n ≥ 8, else dot products over a transposed copy of b (or, for a transposed a,
// column-wise axpy over a's rows). No BLAS: the matrices of the
// suite's ensembles are small (k, n ≤ a few hundred) and a BLAS call's overhead would dominate.
#include <node_api.h>
#include <cstring>
#include <vector>

static bool ok(napi_env env, napi_status s, const char* what) {
  if (s == napi_ok) return true;
  napi_throw_error(env, nullptr, what);
  return false;
}

static float* view(napi_env env, napi_value v, size_t* length) {
  napi_typedarray_type type;
  void* data;
  napi_value buffer;
  size_t offset;
  if (!ok(env, napi_get_typedarray_info(env, v, &type, length, &data, &buffer, &offset), "expected a Float32Array")) return nullptr;
  if (type != napi_float32_array) {
    napi_throw_type_error(env, nullptr, "expected a Float32Array");
    return nullptr;
  }
  return static_cast<float*>(data);
}

// batchMatMul(a, b, out, batchA, batchB, m, k, n, transposeA, transposeB)
napi_value BatchMatMul(napi_env env, napi_callback_info info) {
  size_t argc = 10;
  napi_value argv[10];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "bad call")) return nullptr;
  if (argc != 10) {
    napi_throw_error(env, nullptr, "batchMatMul(a, b, out, batchA, batchB, m, k, n, transposeA, transposeB)");
    return nullptr;
  }
  size_t la, lb, lo;
  const float* a = view(env, argv[0], &la);
  const float* b = view(env, argv[1], &lb);
  float* o = view(env, argv[2], &lo);
  if (!a || !b || !o) return nullptr;
  int32_t dims[5];
  for (int i = 0; i < 5; i++)
    if (!ok(env, napi_get_value_int32(env, argv[3 + i], &dims[i]), "dimensions must be integers")) return nullptr;
  bool transA, transB;
  if (!ok(env, napi_get_value_bool(env, argv[8], &transA), "transposeA must be a boolean")) return nullptr;
  if (!ok(env, napi_get_value_bool(env, argv[9], &transB), "transposeB must be a boolean")) return nullptr;
  const size_t batchA = dims[0], batchB = dims[1], m = dims[2], k = dims[3], n = dims[4];
  const size_t batch = batchA > batchB ? batchA : batchB;
  if ((batchA != 1 && batchA != batch) || (batchB != 1 && batchB != batch) || la != batchA * m * k || lb != batchB * k * n || lo != batch * m * n) {
    napi_throw_range_error(env, nullptr, "batchMatMul: array lengths do not match the dimensions");
    return nullptr;
  }
  std::vector<float> at(transA ? m * k : 0), bt(k * n), col;
  for (size_t s = 0; s < batch; s++) {
    const float* A = a + (batchA == 1 ? 0 : s) * m * k;
    const float* B = b + (batchB == 1 ? 0 : s) * k * n;
    float* O = o + s * m * n;
    if (transA && n < 8 && !transB) {
      // A is stored [k, m] and the output has few columns (e.g. the gradient hᵀ·dz of a scalar
      // read-out): per output column j, col += B[p, j]·A[p, :] over p, contiguous in i.
      col.resize(m);
      for (size_t j = 0; j < n; j++) {
        std::memset(col.data(), 0, sizeof(float) * m);
        for (size_t p = 0; p < k; p++) {
          const float bpj = B[p * n + j];
          const float* Ap = A + p * m;
          for (size_t i = 0; i < m; i++) col[i] += bpj * Ap[i];
        }
        for (size_t i = 0; i < m; i++) O[i * n + j] = col[i];
      }
      continue;
    }
    if (transA) {  // A is stored [k, m]
      for (size_t p = 0; p < k; p++)
        for (size_t i = 0; i < m; i++) at[i * k + p] = A[p * m + i];
      A = at.data();
    }
    if (n >= 8) {
      if (transB) {  // B is stored [n, k]
        for (size_t j = 0; j < n; j++)
          for (size_t p = 0; p < k; p++) bt[p * n + j] = B[j * k + p];
        B = bt.data();
      }
      std::memset(O, 0, sizeof(float) * m * n);
      for (size_t i = 0; i < m; i++) {
        float* Oi = O + i * n;
        const float* Ai = A + i * k;
        for (size_t p = 0; p < k; p++) {
          const float aip = Ai[p];
          const float* Bp = B + p * n;
          for (size_t j = 0; j < n; j++) Oi[j] += aip * Bp[j];
        }
      }
    } else {
      const float* Bt = B;  // wanted: B transposed, [n, k]
      if (!transB) {
        for (size_t p = 0; p < k; p++)
          for (size_t j = 0; j < n; j++) bt[j * k + p] = B[p * n + j];
        Bt = bt.data();
      }
      for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
          const float* Ai = A + i * k;
          const float* Bj = Bt + j * k;
          // Eight independent partial sums: vectorizable without -ffast-math's reassociation.
          float part[8] = {0, 0, 0, 0, 0, 0, 0, 0};
          size_t p = 0;
          for (; p + 8 <= k; p += 8)
            for (int q = 0; q < 8; q++) part[q] += Ai[p + q] * Bj[p + q];
          float acc = ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
          for (; p < k; p++) acc += Ai[p] * Bj[p];
          O[i * n + j] = acc;
        }
    }
  }
  return nullptr;
}
