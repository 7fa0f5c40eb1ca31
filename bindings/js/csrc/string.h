/* The <string.h> llmsize.h needs, for a freestanding WebAssembly build (clang --target=wasm32
   has no C library); wasm.c defines each function. */
#ifndef LLMSIZE_WASM_STRING_H
#define LLMSIZE_WASM_STRING_H
#include <stddef.h>
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strcspn(const char *s, const char *reject);
char *strstr(const char *haystack, const char *needle);
#endif
