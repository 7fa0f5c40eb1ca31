/* The CLI's hardware detection (examples/cli/detect.c): what this machine's tools report. */
#ifndef LLMSIZE_CLI_DETECT_H
#define LLMSIZE_CLI_DETECT_H

#define DETECT_MAX 8

typedef struct detected_device {
    char name[128];                /* as the tool prints it: "NVIDIA H100 80GB HBM3"        */
    unsigned long long mem_mib;    /* memory it reports per device (0: not reported)        */
    int count;                     /* devices of this kind                                  */
} detected_device;

typedef struct detected {
    detected_device dev[DETECT_MAX];
    int kinds;
    int unified;                   /* Apple silicon: the GPU uses the machine's memory      */
    char source[32];               /* the tool that answered                                */
    unsigned long long host_mib;   /* no accelerator found: the machine's memory (MemTotal) */
} detected;

/* Runs nvidia-smi, rocm-smi, sysctl (Apple) in turn; the number of device kinds found. */
int detect_accelerators(detected *d);

#endif
