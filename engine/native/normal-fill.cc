// The fast path of the engine's ziggurat normal sampler (engine/random/stream.ts, fillNormal), for
// engine/native/native-normal.ts: the same xoroshiro128+ step and the same table lookup, so the
// values and the stream's state after the call are bit-identical to the JavaScript loop. Draws that
// miss the fast path (≈ 1.2%) are only recorded (their index and draw), in order; the JavaScript side
// finishes them with its own wedge/tail code, so no libm function is involved here.
#include <node_api.h>
#include <cstdint>
#include <cstring>

static int32_t KN[128];
static double WN[128];
static bool tablesSet = false;

static bool ok(napi_env env, napi_status s, const char* what) {
  if (s == napi_ok) return true;
  napi_throw_error(env, nullptr, what);
  return false;
}

static void* typed(napi_env env, napi_value v, napi_typedarray_type* type, size_t* length) {
  void* data;
  napi_value buffer;
  size_t offset;
  if (napi_get_typedarray_info(env, v, type, length, &data, &buffer, &offset) != napi_ok) {
    napi_throw_type_error(env, nullptr, "expected a typed array");
    return nullptr;
  }
  return data;
}

// setZigguratTables(KN: Int32Array(128), WN: Float64Array(128))
napi_value SetZigguratTables(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "bad call")) return nullptr;
  napi_typedarray_type tk, tw;
  size_t lk, lw;
  void* k = argc == 2 ? typed(env, argv[0], &tk, &lk) : nullptr;
  void* w = argc == 2 ? typed(env, argv[1], &tw, &lw) : nullptr;
  if (!k || !w || tk != napi_int32_array || tw != napi_float64_array || lk != 128 || lw != 128) {
    napi_throw_type_error(env, nullptr, "setZigguratTables(KN: Int32Array(128), WN: Float64Array(128))");
    return nullptr;
  }
  std::memcpy(KN, k, sizeof KN);
  std::memcpy(WN, w, sizeof WN);
  tablesSet = true;
  return nullptr;
}

template <typename T>
static size_t fastLoop(int32_t* st, T* out, size_t begin, size_t end, double std, int32_t* slowIndex, int32_t* slowDraw, size_t capacity, size_t* pending) {
  // State layout as pure-rand's xoroshiro128+: [s01, s00, s11, s10]; 32-bit two's complement words.
  uint32_t s01 = st[0], s00 = st[1], s11 = st[2], s10 = st[3];
  size_t p = *pending, k = begin;
  for (; k < end && p < capacity; k++) {
    const int32_t j = (int32_t)(s00 + s10);
    const uint32_t a0 = s10 ^ s00;
    const uint32_t a1 = s11 ^ s01;
    const uint32_t t00 = s00, t01 = s01;
    s00 = (t00 << 24) ^ (t01 >> 8) ^ a0 ^ (a0 << 16);
    s01 = (t01 << 24) ^ (t00 >> 8) ^ a1 ^ ((a1 << 16) | (a0 >> 16));
    s10 = (a1 << 5) ^ (a0 >> 27);
    s11 = (a0 << 5) ^ (a1 >> 27);
    const uint32_t iz = (uint32_t)j >> 25;
    const int32_t hz = (int32_t)((uint32_t)j << 7) >> 7;
    if ((hz < 0 ? -hz : hz) < KN[iz]) {
      out[k] = (T)((double)hz * WN[iz] * std);
    } else {
      slowIndex[p] = (int32_t)k;
      slowDraw[p++] = j;
    }
  }
  st[0] = (int32_t)s01;
  st[1] = (int32_t)s00;
  st[2] = (int32_t)s11;
  st[3] = (int32_t)s10;
  *pending = p;
  return k;
}

// The arguments both entry points share: (state(s), out, offset, length | per, std, slowIndex,
// slowDraw[, first]), checked; false (with a pending JavaScript exception) when they are wrong.
struct FillArgs {
  int32_t* st;
  size_t ls;
  void* out;
  napi_typedarray_type to;
  size_t lo;
  int32_t* slowIndex;
  int32_t* slowDraw;
  size_t capacity;
  double offset, length, std, first;
};

static bool parseFill(napi_env env, napi_callback_info info, size_t want, const char* usage, FillArgs* f) {
  size_t argc = want;
  napi_value argv[8];
  if (!ok(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr), "bad call")) return false;
  if (argc != want || !tablesSet) {
    napi_throw_error(env, nullptr, usage);
    return false;
  }
  napi_typedarray_type ts, ti, td;
  size_t li, ld;
  f->st = static_cast<int32_t*>(typed(env, argv[0], &ts, &f->ls));
  f->out = f->st ? typed(env, argv[1], &f->to, &f->lo) : nullptr;
  f->slowIndex = f->out ? static_cast<int32_t*>(typed(env, argv[5], &ti, &li)) : nullptr;
  f->slowDraw = f->slowIndex ? static_cast<int32_t*>(typed(env, argv[6], &td, &ld)) : nullptr;
  if (!f->slowDraw) return false;
  f->first = 0;
  if (napi_get_value_double(env, argv[2], &f->offset) != napi_ok || napi_get_value_double(env, argv[3], &f->length) != napi_ok ||
      napi_get_value_double(env, argv[4], &f->std) != napi_ok || (want == 8 && napi_get_value_double(env, argv[7], &f->first) != napi_ok)) {
    napi_throw_type_error(env, nullptr, usage);
    return false;
  }
  if (ts != napi_int32_array || ti != napi_int32_array || td != napi_int32_array || li != ld || (f->to != napi_float32_array && f->to != napi_float64_array) ||
      f->offset < 0 || f->length < 0 || f->first < 0) {
    napi_throw_range_error(env, nullptr, "bad arrays or range");
    return false;
  }
  f->capacity = li;
  return true;
}

static void fill(const FillArgs& f, int32_t* st, size_t begin, size_t end, size_t* pending, size_t* reached) {
  if (f.to == napi_float32_array) *reached = fastLoop(st, static_cast<float*>(f.out), begin, end, f.std, f.slowIndex, f.slowDraw, f.capacity, pending);
  else *reached = fastLoop(st, static_cast<double*>(f.out), begin, end, f.std, f.slowIndex, f.slowDraw, f.capacity, pending);
}

static napi_value number(napi_env env, size_t x) {
  napi_value r;
  napi_create_double(env, (double)x, &r);
  return r;
}

// fillNormalFast(state: Int32Array(5), out: Float32Array | Float64Array, offset, length, std,
//                slowIndex: Int32Array, slowDraw: Int32Array) → index after the last draw taken
// (offset + length, or less when slowIndex filled up). state[4] holds the number of slow draws
// already recorded in slowIndex/slowDraw (in) and after the call (out): a call that stopped early
// continues, after the caller grew the two arrays, from the index it returned.
napi_value FillNormalFast(napi_env env, napi_callback_info info) {
  FillArgs f;
  if (!parseFill(env, info, 7, "fillNormalFast(state, out, offset, length, std, slowIndex, slowDraw) after setZigguratTables", &f)) return nullptr;
  if (f.ls != 5 || f.offset + f.length > (double)f.lo || f.st[4] < 0 || (size_t)f.st[4] > f.capacity) {
    napi_throw_range_error(env, nullptr, "fillNormalFast: bad arrays or range");
    return nullptr;
  }
  size_t pending = (size_t)f.st[4], reached;
  fill(f, f.st, (size_t)f.offset, (size_t)f.offset + (size_t)f.length, &pending, &reached);
  f.st[4] = (int32_t)pending;
  return number(env, reached);
}

// fillNormalEach(states: Int32Array(5·count), out, offset, per, std, slowIndex, slowDraw, first)
// → the number of streams done. Stream e (from `first`) fills out[offset + e·per, … + per) exactly as
// fillNormalFast would from states[5e .. 5e+4); states[5e+4] receives the running count of slow
// draws recorded after stream e (slowIndex/slowDraw are shared, in stream order, starting with the
// count in states[5·first − 1], or 0 for first = 0). Stops before a stream when fewer than `per`
// slots are left; the caller grows the arrays and continues from the returned index.
napi_value FillNormalEach(napi_env env, napi_callback_info info) {
  FillArgs f;
  if (!parseFill(env, info, 8, "fillNormalEach(states, out, offset, per, std, slowIndex, slowDraw, first) after setZigguratTables", &f)) return nullptr;
  const size_t count = f.ls / 5, n = (size_t)f.length, base = (size_t)f.offset;
  size_t e = (size_t)f.first;
  if (f.ls % 5 != 0 || f.first > (double)count || f.offset + f.length * (double)count > (double)f.lo || (e > 0 && (f.st[5 * e - 1] < 0 || (size_t)f.st[5 * e - 1] > f.capacity))) {
    napi_throw_range_error(env, nullptr, "fillNormalEach: bad arrays or range");
    return nullptr;
  }
  size_t pending = e == 0 ? 0 : (size_t)f.st[5 * e - 1], reached;
  for (; e < count && f.capacity - pending >= n; e++) {
    int32_t* st = f.st + 5 * e;
    fill(f, st, base + e * n, base + (e + 1) * n, &pending, &reached);
    st[4] = (int32_t)pending;
  }
  return number(env, e);
}
