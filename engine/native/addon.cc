// The engine's optional native addon (engine/native/addon.ts loads it): a batched float32 matMul for
// the wasm backend (batch-matmul.cc) and the fast path of the ziggurat normal sampler (normal-fill.cc).
#include <node_api.h>

napi_value BatchMatMul(napi_env env, napi_callback_info info);
napi_value SetZigguratTables(napi_env env, napi_callback_info info);
napi_value FillNormalFast(napi_env env, napi_callback_info info);
napi_value FillNormalEach(napi_env env, napi_callback_info info);

static void add(napi_env env, napi_value exports, const char* name, napi_callback cb) {
  napi_value fn;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, cb, nullptr, &fn);
  napi_set_named_property(env, exports, name, fn);
}

static napi_value Init(napi_env env, napi_value exports) {
  add(env, exports, "batchMatMul", BatchMatMul);
  add(env, exports, "setZigguratTables", SetZigguratTables);
  add(env, exports, "fillNormalFast", FillNormalFast);
  add(env, exports, "fillNormalEach", FillNormalEach);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
