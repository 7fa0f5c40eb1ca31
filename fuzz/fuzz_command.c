/* The engine command-line parser, then a plan from what it parsed. Input: one argument
   per line; lines starting with "ENV " are environment entries (NAME=value). */
#include "fuzz_common.h"

#define MAXARGS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char buf[8192];
    const char *argv[MAXARGS], *env[MAXARGS];
    size_t argc = 0, envc = 0, i, start = 0;
    llmsize_parsed out;
    llmsize_status st;
    if (size >= sizeof buf) return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    for (i = 0; i <= size; ++i) {
        if (buf[i] != '\n' && i < size) continue;
        buf[i] = '\0';
        if (!strncmp(buf + start, "ENV ", 4)) { if (envc < MAXARGS) env[envc++] = buf + start + 4; }
        else if (argc < MAXARGS) argv[argc++] = buf + start;
        start = i + 1;
    }
    st = llmsize_parse_command(argc, argv, envc, env, &out);
    if (st == LLMSIZE_ERR_PARSE) FUZZ_CHECK(out.error_flag != NULL);
    if (st == LLMSIZE_OK) {
        llmsize_plan_result r;
        if (out.model_arg) FUZZ_CHECK(out.model_arg_len <= size);
        (void)llmsize_find_gpu("h100-sxm", &out.plan.gpu);
        if (out.plan.model && out.plan.format) (void)llmsize_plan_fit(&out.plan, &r);
    }
    return 0;
}
