/*
 * A PKCS#11 module that misbehaves the way real drivers sometimes do, for the token worker's fault
 * tests: built with -DBROKEN_ABORT it kills its process in C_Initialize, with -DBROKEN_HANG it never
 * returns from it. Every other function answers CKR_FUNCTION_NOT_SUPPORTED.
 *
 * Before it blocks, the hanging module appends its process id and a newline to the file named by
 * BROKEN_MODULE_MARKER (when set): a test knows for certain that the worker is stuck in the module,
 * without guessing from how long it has been waiting.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef unsigned long CK_RV;
typedef CK_RV (*CK_FN)(void);

struct function_list {
  struct { unsigned char major, minor; } version;
  CK_FN functions[68];
};

static CK_RV not_supported(void) { return 0x54; }

#if defined(BROKEN_HANG)
static void say_blocked(void) {
  const char *path = getenv("BROKEN_MODULE_MARKER");
  if (!path) return;
  int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
  if (fd < 0) return;
  char line[32];
  int length = snprintf(line, sizeof line, "%ld\n", (long)getpid());
  /* One write of a whole line, so a reader never sees half of it. */
  if (write(fd, line, (size_t)length) != length) abort();
  close(fd);
}
#endif

static CK_RV initialize(void) {
#if defined(BROKEN_ABORT)
  abort();
#elif defined(BROKEN_HANG)
  say_blocked();
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
