/*
 * A PKCS#11 module that misbehaves the way real drivers sometimes do, for the token worker's fault
 * tests: built with -DBROKEN_ABORT it kills its process in C_Initialize, with -DBROKEN_HANG it never
 * returns from it. Every other function answers CKR_FUNCTION_NOT_SUPPORTED.
 */
#include <stdlib.h>
#include <unistd.h>

typedef unsigned long CK_RV;
typedef CK_RV (*CK_FN)(void);

struct function_list {
  struct { unsigned char major, minor; } version;
  CK_FN functions[68];
};

static CK_RV not_supported(void) { return 0x54; }

static CK_RV initialize(void) {
#if defined(BROKEN_ABORT)
  abort();
#elif defined(BROKEN_HANG)
  for (;;) pause();
#endif
  return 0;
}

static struct function_list list;

CK_RV C_GetFunctionList(struct function_list **out) {
  list.version.major = 2;
  list.version.minor = 40;
  for (int i = 0; i < 68; i++) list.functions[i] = not_supported;
  list.functions[0] = initialize;
  *out = &list;
  return 0;
}
