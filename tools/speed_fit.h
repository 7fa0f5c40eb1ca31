/* tools/speed_fit.h — the decode and prefill calibration of llmsize_data.h, and how it is
   scored on rows it was not fitted to. Shared by tools/calibrate_decode.c (make calibrate: the
   rows to paste), tests/test_llmsize.c (the held-out error the suite guards) and
   tools/accuracy.c (the report, per regime).

   The model, per hardware class and vendor (llmsize_efficiency: a group; its rows are the
   class's rows on that vendor's parts; the class's group without a vendor has every vendor's
   rows and is what other vendors' parts and described accelerators get):
     decode step = (weight bytes + kv_cost x KV bytes) / (peak bandwidth x expected)
                   + decoder layers x layer_us
     prefill     = FLOPs / (peak dense tensor throughput x prefill_mfu)
   bytes read: every weight a token touches (the active experts at batch 1) and the KV cache
   at the test's depth (llmsize_speed). The fit runs in two stages:
   1. (expected, layer_us) per group on its shallow rows (KV under a tenth of the bytes read, so
      kv_cost hardly matters there), minimising the mean absolute log error: layer_us on an
      8 us grid from 0 to 400 us refined on a 1 us grid around the best, expected by golden-
      section search in [0.2, 1.5] for each;
   2. kv_cost, one for every group, on the deep rows of every class (KV a tenth of the bytes
      or more) with the stage-1 constants each row is predicted with (llmsize_efficiency_for), by golden-section search in [0.5, 4]: the
      attention kernels read the cache below the share of bandwidth the weights' kernels reach.
   prefill_mfu is the median of measured / peak-bound over the group's pp rows (prefill time is
   linear in 1 / MFU, so the bound comes from llmsize_speed). The range [low, high] = [1/x, x]
   holds 80 % of the group's rows held out: x = e^q, q the 80th percentile over its decode rows
   of |log(measured / predicted)|, each row predicted by the group's fit without its source.

   Held out: every row is scored by a fit that leaves out all rows of its source (a source is
   a URL up to "/blob/", "#" or the end: a repository, an issue, a discussion), so no row
   scores a fit it was part of: its group's constants and kv_cost are refitted without it.
   A group whose rows come from one source is not fitted: the table's prior stands, and its
   rows score that prior, which no row set. A group with two sources is fitted on both; held
   out, each source scores the fit on the other.
   Whether the range is honest is scored the same way, one level down: a source's rows are
   checked against the range made from the other sources alone, each of them predicted by a
   fit that left it and the source checked out (speed_score's covered). */
#ifndef LLMSIZE_SPEED_FIT_H
#define LLMSIZE_SPEED_FIT_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "llmsize.h"

#define SPEED_MAX 1024
#define SPEED_GROUPS 32       /* llmsize_efficiency rows at most                          */
typedef struct speed_obs {
    int prefill;              /* 0: tg (decode), 1: pp (prefill)                          */
    uint32_t cls;             /* llmsize_hw_class                                         */
    int grp;                  /* llmsize_efficiency_at index it is predicted with         */
    char vendor[32];          /* llmsize_gpu.vendor                                       */
    char key[96];             /* the source, for leaving it out                           */
    char row[160];            /* accelerator, model, format, test, for reports            */
    double measured;          /* tok/s                                                    */
    double bytes, kv;         /* tg: bytes read per step, and the KV cache's part of them */
    double layers, bw;        /* tg: decoder layers, bandwidth (B/s)                      */
    double per_mfu;           /* pp: predicted tok/s per unit of prefill MFU              */
    int moe, depth, gpus;     /* for the regime lines                                     */
    double predicted;         /* with the library's own constants                         */
    int src;                  /* the source's index (speed_read: in order of appearance)  */
    int out;                  /* 1: left out of the fit being made (speed_leave_out)      */
} speed_obs;

/* the table's groups: llmsize_efficiency rows */
static int speed_groups(void) {
    const size_t n = llmsize_efficiency_count();
    return n < SPEED_GROUPS ? (int)n : SPEED_GROUPS;
}
/* is the row one group g is fitted on? its class, and its vendor unless g has none */
static int speed_member(const speed_obs *o, int g) {
    const llmsize_efficiency *e = llmsize_efficiency_at((size_t)g);
    return e && e->hw_class == o->cls && (!e->vendor || !strcmp(e->vendor, o->vendor));
}
/* the group of every vendor of g's class */
static int speed_pool_of(int g) {
    const llmsize_efficiency *e = llmsize_efficiency_at((size_t)g), *p = e ? llmsize_efficiency_of(e->hw_class) : NULL;
    return p ? (int)(p - llmsize_efficiency_at(0)) : g;
}
/* "class" or "class/vendor" */
static const char *speed_group_name(int g, char *buf, size_t cap) {
    const llmsize_efficiency *e = llmsize_efficiency_at((size_t)g);
    if (!e) return "";
    snprintf(buf, cap, "%s%s%s", llmsize_hw_class_name(e->hw_class), e->vendor ? "/" : "", e->vendor ? e->vendor : "");
    return buf;
}
/* the prefill MFU llmsize_speed used for a group */
static double speed_mfu_used(int g) {
    const llmsize_efficiency *e = llmsize_efficiency_at((size_t)g);
    return e && e->prefill_mfu > 0 ? e->prefill_mfu : 1.0;
}
static int speed_cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}
/* the value at 0-based rank floor(f n) of n sorted values */
static double speed_at(const double *v, int n, double f) {
    int k = (int)floor(f * n);
    return n ? v[k < n ? k : n - 1] : 0.0;
}

/* The source a row is left out with: its document up to the first space or '#'. A GitHub
   repository's files are one source however they are written ("owner/repo path" or
   "https://github.com/owner/repo/blob/<commit>/path"): the key is "owner/repo"; an issue,
   pull request or discussion is its own ("owner/repo/pull/N"). */
static void speed_key(const char *source, char *key, size_t cap) {
    static const char *const drop[] = { "https://", "http://", "github.com/" };
    size_t n, i;
    const char *cut;
    for (i = 0; i < sizeof drop / sizeof drop[0]; ++i)
        if (!strncmp(source, drop[i], strlen(drop[i]))) source += strlen(drop[i]);
    n = strcspn(source, " #");
    if (((cut = strstr(source, "/blob/")) || (cut = strstr(source, "/tree/"))) && (size_t)(cut - source) < n)
        n = (size_t)(cut - source);
    if (n >= cap) n = cap - 1;
    memcpy(key, source, n);
    key[n] = '\0';
}

/* One row of tests/data/speed.tsv (f[0..10]) as an observation: 1; -1 when the tables lack a
   name; 0 when the library gives no figure (prefill on an accelerator with no published
   tensor throughput). Decode rows ask llmsize_speed at the test's depth plus half
   its tokens; llama.cpp's layer split runs one GPU's layers at a time, so gpus > 1 adds
   memory, not bandwidth or compute, to one sequence or one micro-batch of prompt. */
static int speed_obs_of(char **f, speed_obs *o) {
    const llmsize_gpu *a = NULL;
    const llmsize_model *m = NULL;
    const llmsize_format *fmt = NULL;
    llmsize_speed_request q;
    llmsize_speed_result s;
    llmsize_params p;
    const int gpus = atoi(f[1]), tokens = atoi(f[5]), depth = atoi(f[6]);
    memset(o, 0, sizeof *o);
    if (llmsize_find_gpu(f[0], &a) || llmsize_find_model(f[2], &m) || llmsize_find_format(f[3], &fmt)) return -1;
    if (gpus < 1 || llmsize_params_of(m, &p)) return -1;
    memset(&q, 0, sizeof q);
    q.model = m; q.format = fmt; q.gpu = a; q.seqs = 1; q.gpus = 1;
    o->prefill = !strcmp(f[4], "pp");
    o->cls = a->hw_class;
    o->grp = (int)(llmsize_efficiency_for(a) - llmsize_efficiency_at(0));
    snprintf(o->vendor, sizeof o->vendor, "%s", a->vendor ? a->vendor : "");
    o->measured = atof(f[7]);
    o->moe = m->moe.experts > 0;
    o->depth = depth;
    o->gpus = gpus;
    speed_key(f[9], o->key, sizeof o->key);
    snprintf(o->row, sizeof o->row, "%s x%d %s %s %s%s@d%d", f[0], gpus, f[2], f[3], f[4], f[5], depth);
    if (!o->prefill) {
        q.context = (uint64_t)depth + (uint64_t)(tokens ? tokens : 128) / 2u;
        if (llmsize_speed(&q, &s)) return -1;
        o->bytes = (double)s.bytes_per_step;
        {   /* the KV part: the cache llmsize_speed reads at this context (F16, one sequence) */
            uint64_t kv = 0;
            if (llmsize_kv_bytes(m, q.context, 1, LLMSIZE_KV_F16, &kv)) return -1;
            o->kv = (double)kv;
        }
        o->layers = m->dims.layers;
        o->bw = a->bw_gbs * 1e9;
        o->predicted = s.decode_tps;
    } else {
        if (!tokens) return -1;
        q.prompt = (uint64_t)tokens;
        if (llmsize_speed(&q, &s)) return -1;
        if (s.ttft_s <= 0) return 0;
        o->predicted = tokens / s.ttft_s;   /* prefill is linear in the class's MFU */
        o->per_mfu = o->predicted / speed_mfu_used(o->grp);
    }
    return o->measured > 0 ? 1 : -1;
}

/* The decode model, once: a step's seconds = the bytes' seconds at full bandwidth / e + the
   layers' fixed cost (layer_s: decoder layers x 1e-6 s per microsecond of layer_us). */
static double speed_step_s(double read_s, double layer_s, double e, double layer_us) { return read_s / e + layer_s * layer_us; }
static double speed_decode_pred(const speed_obs *o, double e, double layer_us, double kv_cost) {
    return 1.0 / speed_step_s((o->bytes - o->kv + kv_cost * o->kv) / o->bw, o->layers * 1e-6, e, layer_us);
}
static int speed_shallow(const speed_obs *o) { return o->kv < 0.1 * o->bytes; }

/* The rows of sources a and b (-1: none) are left out of the fits that follow. */
static void speed_leave_out(speed_obs *rows, int n, int a, int b) {
    int i;
    for (i = 0; i < n; ++i) rows[i].out = rows[i].src == a || rows[i].src == b;
}

/* The group's shallow tg rows left in, as the loss reads them: log measured, seconds per
   step at full bandwidth, seconds per microsecond of layer cost. */
typedef struct speed_pts { int k; double lm[SPEED_MAX], a[SPEED_MAX], b[SPEED_MAX]; } speed_pts;
static void speed_pts_of(const speed_obs *rows, int n, int g, speed_pts *p) {
    int i;
    p->k = 0;
    for (i = 0; i < n; ++i) {
        const speed_obs *o = &rows[i];
        if (o->prefill || !speed_member(o, g) || o->out || !speed_shallow(o)) continue;
        p->lm[p->k] = log(o->measured);
        p->a[p->k] = o->bytes / o->bw;
        p->b[p->k] = o->layers * 1e-6;
        ++p->k;
    }
}

/* mean |log(predicted / measured)| over the points, plus a millionth of the mean squared log
   error: with few rows the absolute error is flat between two of them (any e there is a
   median), and a search would stop wherever rounding left it (x87 and SSE builds fitted the
   CPU class 0.5 % apart); the squared term picks one point of the flat stretch and moves
   nothing else. predicted = 1 / speed_step_s (kv_cost 1 on shallow rows). */
static double speed_loss(const speed_pts *p, double e, double layer_us) {
    double sum = 0, sq = 0;
    int i;
    for (i = 0; i < p->k; ++i) {
        const double l = -log(speed_step_s(p->a[i], p->b[i], e, layer_us)) - p->lm[i];
        sum += fabs(l);
        sq += l * l;
    }
    return p->k ? (sum + 1e-6 * sq) / p->k : -1.0;
}

/* golden-section search for the e in [0.2, 1.5] that minimises the loss at layer_us = us */
static double speed_best_e(const speed_pts *p, double us, double *loss) {
    const double phi = 0.6180339887498949;
    double lo = 0.2, hi = 1.5, x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo);
    double f1 = speed_loss(p, x1, us), f2 = speed_loss(p, x2, us);
    int it;
    for (it = 0; it < 40; ++it) {
        if (f1 < f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - phi * (hi - lo); f1 = speed_loss(p, x1, us); }
        else { lo = x1; x1 = x2; f1 = f2; x2 = lo + phi * (hi - lo); f2 = speed_loss(p, x2, us); }
    }
    *loss = f1;
    return x1;
}

/* how many sources the group's shallow tg rows left in come from (0, 1 or 2: two is enough) */
static int speed_group_sources(const speed_obs *rows, int n, int g) {
    int first = -1, i;
    for (i = 0; i < n; ++i) {
        const speed_obs *o = &rows[i];
        if (o->prefill || !speed_member(o, g) || o->out || !speed_shallow(o)) continue;
        if (first < 0) first = o->src;
        else if (first != o->src) return 2;
    }
    return first >= 0;
}

/* Stage 1: the group's (e, layer_us). The fit on every row (held 0) needs shallow rows from
   two sources or more (one source's rows cannot be scored held out: the table's prior
   stays); a fit that leaves sources out (held 1) needs one other (it scores those left out). */
static int speed_fit_decode(const speed_obs *rows, int n, int g, int held, double *e_out, double *us_out) {
    static speed_pts p;
    double best = -1, be = 0, bu = 0, us, from, to;
    if (speed_group_sources(rows, n, g) < (held ? 1 : 2)) return 0;
    speed_pts_of(rows, n, g, &p);
    for (us = 0; us <= 400.0; us += 8.0) {
        double f, e = speed_best_e(&p, us, &f);
        if (best < 0 || f < best) { best = f; be = e; bu = us; }
    }
    from = bu > 7.0 ? bu - 7.0 : 0.0;
    to = bu + 7.0 < 400.0 ? bu + 7.0 : 400.0;
    for (us = from; us <= to; us += 1.0) {
        double f, e = speed_best_e(&p, us, &f);
        if (f < best) { best = f; be = e; bu = us; }
    }
    *e_out = be;
    *us_out = bu;
    return 1;
}

/* The group's prefill MFU: the median of measured / peak-bound over its rows left in; 0
   without rows. */
static double speed_fit_mfu(const speed_obs *rows, int n, int g) {
    static double r[SPEED_MAX];
    int i, k = 0;
    for (i = 0; i < n; ++i)
        if (rows[i].prefill && speed_member(&rows[i], g) && rows[i].per_mfu > 0 && !rows[i].out) r[k++] = rows[i].measured / rows[i].per_mfu;
    if (!k) return 0;
    qsort(r, (size_t)k, sizeof r[0], speed_cmp);
    return (r[(k - 1) / 2] + r[k / 2]) / 2.0;
}

/* Every constant of a fit: per group (e, layer_us, prefill MFU; fitted = has shallow rows from
   two sources or more; prior = not fitted, the table's constants stand, fitted on no row) and
   the one kv_cost. */
typedef struct speed_fit {
    double e[SPEED_GROUPS], us[SPEED_GROUPS], mfu[SPEED_GROUPS], kv_cost;
    int fitted[SPEED_GROUPS], prior[SPEED_GROUPS];
    int deep;                 /* deep rows kv_cost was fitted on                          */
} speed_fit;

/* mean |log(predicted / measured)| over the deep tg rows left in of fitted groups */
static double speed_kv_loss(const speed_obs *rows, int n, const speed_fit *f, double kv_cost, int *k_out) {
    double sum = 0;
    int i, k = 0;
    for (i = 0; i < n; ++i) {
        const speed_obs *o = &rows[i];
        if (o->prefill || o->out || speed_shallow(o) || !f->fitted[o->grp]) continue;
        sum += fabs(log(speed_decode_pred(o, f->e[o->grp], f->us[o->grp], kv_cost) / o->measured));
        ++k;
    }
    if (k_out) *k_out = k;
    return k ? sum / k : -1.0;
}

/* Stage 2: kv_cost given the classes' constants; 1 (a KV byte costs a weight byte) without
   deep rows. */
static void speed_fit_kv(const speed_obs *rows, int n, speed_fit *f) {
    const double phi = 0.6180339887498949;
    double lo = 0.5, hi = 4.0, x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo), f1, f2;
    int it;
    f->kv_cost = 1.0;
    if (speed_kv_loss(rows, n, f, 1.0, &f->deep) < 0) return;
    f1 = speed_kv_loss(rows, n, f, x1, NULL);
    f2 = speed_kv_loss(rows, n, f, x2, NULL);
    for (it = 0; it < 40; ++it) {
        if (f1 < f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - phi * (hi - lo); f1 = speed_kv_loss(rows, n, f, x1, NULL); }
        else { lo = x1; x1 = x2; f1 = f2; x2 = lo + phi * (hi - lo); f2 = speed_kv_loss(rows, n, f, x2, NULL); }
    }
    f->kv_cost = x1;
}

/* The fit on the rows left in (speed_leave_out; none out: every row). `all`, when given, is
   the fit on every row: only the groups with rows left out are refitted. */
static void speed_fit_all(const speed_obs *rows, int n, const speed_fit *all, speed_fit *f) {
    const int groups = speed_groups();
    int c, i;
    for (c = 0; c < groups; ++c) {
        const llmsize_efficiency *t = llmsize_efficiency_at((size_t)c);
        int touched = !all;
        for (i = 0; i < n && !touched; ++i) touched = rows[i].out && speed_member(&rows[i], c);
        if (!touched) {
            f->e[c] = all->e[c]; f->us[c] = all->us[c]; f->mfu[c] = all->mfu[c];
            f->fitted[c] = all->fitted[c]; f->prior[c] = all->prior[c];
            continue;
        }
        f->e[c] = f->us[c] = 0;
        f->fitted[c] = speed_fit_decode(rows, n, c, all != NULL, &f->e[c], &f->us[c]);
        f->mfu[c] = speed_fit_mfu(rows, n, c);
        f->prior[c] = 0;
        if (!f->fitted[c]) {   /* rows scored against constants no row set */
            f->e[c] = t->expected;
            f->us[c] = t->layer_us;
            f->prior[c] = 1;
        }
    }
    speed_fit_kv(rows, n, f);
}

/* a row's prediction under group g's constants (the row's own group: speed_fit_pred) */
static double speed_group_pred(const speed_fit *f, const speed_obs *o, int g) {
    return speed_decode_pred(o, f->e[g], f->us[g], f->kv_cost);
}
static double speed_fit_pred(const speed_fit *f, const speed_obs *o) { return speed_group_pred(f, o, o->grp); }

/* The range a group reports, [1 / x, x] around the prediction: x = e^q, q the 80th percentile
   of |log ratio| (ratio = measured / predicted by the group's fit that left the row's source
   out) over its decode rows left in. Symmetric in the log: a held-out fit errs to the side
   its missing source pulled, the fit on every row to neither. */
static void speed_range(const speed_obs *rows, int n, int g, const double *ratio, double *lo, double *hi) {
    static double r[SPEED_MAX];
    int i, k = 0;
    for (i = 0; i < n; ++i)
        if (!rows[i].prefill && speed_member(&rows[i], g) && !rows[i].out && ratio[i] > 0) r[k++] = fabs(log(ratio[i]));
    qsort(r, (size_t)k, sizeof r[0], speed_cmp);
    *hi = exp(speed_at(r, k, 0.8));
    *lo = 1.0 / *hi;
}

/* |predicted / measured - 1| of a row under a fit; -1 where the fit has nothing for its group */
static double speed_err(const speed_fit *f, const speed_obs *o) {
    if (o->prefill) return f->mfu[o->grp] > 0 ? fabs(o->per_mfu * f->mfu[o->grp] / o->measured - 1) : -1;
    return f->fitted[o->grp] || f->prior[o->grp] ? fabs(speed_fit_pred(f, o) / o->measured - 1) : -1;
}
/* measured / predicted of a decode row under group g's constants of a fit; -1 where there are none */
static double speed_group_ratio(const speed_fit *f, const speed_obs *o, int g) {
    return !o->prefill && (f->fitted[g] || f->prior[g]) ? o->measured / speed_group_pred(f, o, g) : -1;
}
static double speed_ratio(const speed_fit *f, const speed_obs *o) { return speed_group_ratio(f, o, o->grp); }
static int speed_source_count(const speed_obs *rows, int n) {
    int i, m = 0;
    for (i = 0; i < n; ++i) if (rows[i].src + 1 > m) m = rows[i].src + 1;
    return m;
}
/* does source s have decode rows predicted with group g? */
static int speed_has(const speed_obs *rows, int n, int s, int g) {
    int i;
    for (i = 0; i < n; ++i) if (rows[i].src == s && rows[i].grp == g && !rows[i].prefill) return 1;
    return 0;
}

/* Held out: each row's |predicted / measured - 1| from a fit without its source (held[i]; -1
   where the group has no other source) and its measured / predicted under that fit (ratio[i],
   may be NULL: what the row's group's range is made of; pooled[i], may be NULL: the same under
   its class's group for every vendor, what that group's range is made of). In-sample: from the
   fit on every row (ins[i]). covered[i] (may be NULL): whether the row's measurement falls in
   the range a fit without its source reports (1 / 0, -1 not scored), that range made the way
   the table's is, from the other sources alone: each of them scored by a fit that left it and
   the row's source out. */
static void speed_score(speed_obs *rows, int n, double *held, double *ins, int *covered, double *ratio, double *pooled) {
    static double r1[SPEED_MAX], r2[SPEED_MAX];
    speed_fit all, h, g;
    const int sources = speed_source_count(rows, n), groups = speed_groups();
    int i, s, t, c;
    speed_leave_out(rows, n, -1, -1);
    speed_fit_all(rows, n, NULL, &all);
    for (i = 0; i < n; ++i) { held[i] = r1[i] = -1; if (covered) covered[i] = -1; ins[i] = speed_err(&all, &rows[i]); }
    for (s = 0; s < sources; ++s) {
        speed_leave_out(rows, n, s, -1);
        speed_fit_all(rows, n, &all, &h);
        for (i = 0; i < n; ++i) if (rows[i].src == s) {
            held[i] = speed_err(&h, &rows[i]);
            r1[i] = speed_ratio(&h, &rows[i]);
            if (pooled) pooled[i] = speed_group_ratio(&h, &rows[i], speed_pool_of(rows[i].grp));
        }
    }
    if (ratio) for (i = 0; i < n; ++i) ratio[i] = r1[i];
    for (s = 0; covered && s < sources; ++s)
        for (c = 0; c < groups; ++c) {
            double lo, hi;
            if (!speed_has(rows, n, s, c)) continue;
            for (i = 0; i < n; ++i) r2[i] = -1;
            for (t = 0; t < sources; ++t) {
                if (t == s || !speed_has(rows, n, t, c)) continue;
                speed_leave_out(rows, n, s, t);
                speed_fit_all(rows, n, &all, &g);
                for (i = 0; i < n; ++i) if (rows[i].src == t && rows[i].grp == c) r2[i] = speed_ratio(&g, &rows[i]);
            }
            speed_leave_out(rows, n, s, -1);
            speed_range(rows, n, c, r2, &lo, &hi);
            for (i = 0; i < n; ++i)
                if (rows[i].src == s && rows[i].grp == c && !rows[i].prefill && r1[i] > 0) covered[i] = r1[i] >= lo && r1[i] <= hi;
        }
    speed_leave_out(rows, n, -1, -1);
}

/* median and p90 of the errors of the rows `pick` keeps (n_out: how many) */
static void speed_summary(const speed_obs *rows, const double *err, int n, int (*pick)(const speed_obs *),
                          double *med, double *p90, int *n_out) {
    static double v[SPEED_MAX];
    int i, k = 0;
    for (i = 0; i < n; ++i) if (err[i] >= 0 && pick(&rows[i])) v[k++] = err[i];
    qsort(v, (size_t)k, sizeof v[0], speed_cmp);
    *med = k ? (v[(k - 1) / 2] + v[k / 2]) / 2.0 : 0;
    *p90 = speed_at(v, k, 0.9);
    *n_out = k;
}

/* how many sources the rows `pick` keeps come from: held out means little where one dominates */
static int speed_sources(const speed_obs *rows, int n, int (*pick)(const speed_obs *), int *largest) {
    int i, j, k = 0;
    *largest = 0;
    for (i = 0; i < n; ++i) {
        int seen = 0, m = 0;
        if (!pick(&rows[i])) continue;
        for (j = 0; j < i && !seen; ++j) seen = pick(&rows[j]) && !strcmp(rows[j].key, rows[i].key);
        if (seen) continue;
        ++k;
        for (j = i; j < n; ++j) m += pick(&rows[j]) && !strcmp(rows[j].key, rows[i].key);
        if (m > *largest) *largest = m;
    }
    return k;
}

/* Two rows of one configuration: the same accelerators, model, format, test kind and depth
   (their reports' text up to the test), and the tokens of a row's test (" tgN@dD": N; 0 = not
   stated). */
static int speed_same_config(const speed_obs *p, const speed_obs *q) {
    const char *pe = strrchr(p->row, ' '), *qe = strrchr(q->row, ' ');
    return p->prefill == q->prefill && p->depth == q->depth && pe && qe && pe - p->row == qe - q->row &&
           !strncmp(p->row, q->row, (size_t)(pe - p->row));
}
static int speed_tokens(const speed_obs *o) {
    const char *e = strrchr(o->row, ' ');
    return e ? atoi(e + 3) : 0;
}

/* The measurements' own spread: decode rows of one configuration (accelerators, model, format,
   depth) published by two sources. For each such pair, larger / smaller - 1: what predicting one
   by the other would score. No single prediction can score both under half of it, so it bounds
   from below what any model can reach on those rows. Returns the pairs (at most cap) in v,
   sorted; *configs the configurations they come from; mark (NULL: none) 1 on the rows in a pair. */
static int speed_replicates(const speed_obs *rows, int n, double *v, int cap, int *configs, int *mark) {
    int i, j, k = 0;
    *configs = 0;
    if (mark) for (i = 0; i < n; ++i) mark[i] = 0;
    for (i = 0; i < n; ++i) {
        int pairs = 0;
        if (rows[i].prefill) continue;
        for (j = i + 1; j < n; ++j) {
            double r;
            if (rows[j].src == rows[i].src || !speed_same_config(&rows[i], &rows[j])) continue;
            r = rows[i].measured > rows[j].measured ? rows[i].measured / rows[j].measured : rows[j].measured / rows[i].measured;
            if (k < cap) v[k++] = r - 1;
            if (mark) mark[i] = mark[j] = 1;
            ++pairs;
        }
        if (pairs) {   /* count a configuration once, at its first row */
            int seen = 0;
            for (j = 0; j < i && !seen; ++j) seen = speed_same_config(&rows[j], &rows[i]);
            *configs += !seen;
        }
    }
    qsort(v, (size_t)k, sizeof v[0], speed_cmp);
    return k;
}

/* The measurements' own spread beside the held-out error (held: speed_score's) on the same rows. */
typedef struct speed_rep { int pairs, configs, rows; double med, p90, held_med, held_p90; } speed_rep;
static speed_rep speed_replicate_summary(const speed_obs *rows, int n, const double *held) {
    static double v[SPEED_MAX * 8], e[SPEED_MAX];
    static int mark[SPEED_MAX];
    speed_rep r;
    int i;
    memset(&r, 0, sizeof r);
    r.pairs = speed_replicates(rows, n, v, SPEED_MAX * 8, &r.configs, mark);
    for (i = 0; i < n; ++i) if (mark[i] && held[i] >= 0) e[r.rows++] = held[i];
    qsort(e, (size_t)r.rows, sizeof e[0], speed_cmp);
    if (r.pairs) { r.med = (v[(r.pairs - 1) / 2] + v[r.pairs / 2]) / 2; r.p90 = speed_at(v, r.pairs, 0.9); }
    if (r.rows) { r.held_med = (e[(r.rows - 1) / 2] + e[r.rows / 2]) / 2; r.held_p90 = speed_at(e, r.rows, 0.9); }
    return r;
}

/* Where the held-out tail comes from: of the decode rows held out above `cut`, those on an
   accelerator (and accelerator count) that another source measures within `near` of its
   held-out prediction: the part is predicted; what sets the row apart is its source's machine,
   build or settings. The rest are on setups no other source measures that well. */
typedef struct speed_tail { int over, elsewhere; } speed_tail;
static int speed_same_part(const speed_obs *p, const speed_obs *q) {
    const size_t a = strcspn(p->row, " "), b = strcspn(q->row, " ");
    const char *pe = p->row + a + 1, *qe = q->row + b + 1;   /* "id xN ...": the id, then the count */
    return a == b && !strncmp(p->row, q->row, a) && strcspn(pe, " ") == strcspn(qe, " ") && !strncmp(pe, qe, strcspn(pe, " "));
}
static speed_tail speed_tail_of(const speed_obs *rows, int n, const double *held, double cut, double near) {
    speed_tail t;
    int i, j;
    memset(&t, 0, sizeof t);
    for (i = 0; i < n; ++i) {
        int found = 0;
        if (rows[i].prefill || held[i] <= cut) continue;
        ++t.over;
        for (j = 0; j < n && !found; ++j)
            found = !rows[j].prefill && rows[j].src != rows[i].src && held[j] >= 0 && held[j] <= near && speed_same_part(&rows[i], &rows[j]);
        t.elsewhere += found;
    }
    return t;
}

/* The regimes the report and the suite name, each a line. */
static int speed_tg(const speed_obs *o) { return !o->prefill; }
static int speed_pp(const speed_obs *o) { return o->prefill; }
static int speed_dc(const speed_obs *o) { return !o->prefill && o->cls == LLMSIZE_HW_DATACENTER; }
static int speed_consumer(const speed_obs *o) { return !o->prefill && o->cls == LLMSIZE_HW_CONSUMER; }
static int speed_apple(const speed_obs *o) { return !o->prefill && o->cls == LLMSIZE_HW_APPLE; }
static int speed_unified(const speed_obs *o) { return !o->prefill && o->cls == LLMSIZE_HW_UNIFIED; }
static int speed_cpu(const speed_obs *o) { return !o->prefill && o->cls == LLMSIZE_HW_CPU; }
static int speed_moe(const speed_obs *o) { return !o->prefill && o->moe; }
static int speed_small(const speed_obs *o) { return !o->prefill && o->bytes < 2.5e9; }
static int speed_depth(const speed_obs *o) { return !o->prefill && o->depth >= 4096; }
static int speed_multi(const speed_obs *o) { return !o->prefill && o->gpus > 1; }
static int speed_pp_dc(const speed_obs *o) { return o->prefill && o->cls == LLMSIZE_HW_DATACENTER; }
static int speed_pp_consumer(const speed_obs *o) { return o->prefill && o->cls == LLMSIZE_HW_CONSUMER; }
static int speed_pp_apple(const speed_obs *o) { return o->prefill && o->cls == LLMSIZE_HW_APPLE; }
static int speed_pp_amd(const speed_obs *o) { return o->prefill && !strcmp(o->vendor, "AMD"); }
static int speed_pp_moe(const speed_obs *o) { return o->prefill && o->moe; }
static const struct { const char *name; int (*pick)(const speed_obs *); } speed_regimes[] = {
    { "decode, all", speed_tg }, { "  datacenter GPUs", speed_dc }, { "  consumer/workstation GPUs", speed_consumer },
    { "  Apple", speed_apple }, { "  DGX Spark, Strix Halo", speed_unified }, { "  CPU only", speed_cpu },
    { "  MoE", speed_moe }, { "  small (< 2.5 GB read per token)", speed_small },
    { "  at depth >= 4096 tokens", speed_depth }, { "  llama.cpp layer split, 2+ GPUs", speed_multi },
    { "prefill, all", speed_pp }, { "  datacenter GPUs", speed_pp_dc }, { "  consumer/workstation GPUs", speed_pp_consumer },
    { "  Apple M1, M2 (Metal)", speed_pp_apple }, { "  AMD GPUs (ROCm, Vulkan)", speed_pp_amd }, { "  MoE", speed_pp_moe } };

/* Rows that repeat one measurement (one configuration, the same tokens where both state them,
   the same tok/s): each is a copy (one document read twice, or quoted by another), which would
   count twice and, under another source's name, score the copy it was fitted on. Returns the
   first such pair in *a, *b; 0 when none. */
static int speed_duplicate(const speed_obs *rows, int n, int *a, int *b) {
    int i, j;
    for (i = 0; i < n; ++i)
        for (j = i + 1; j < n; ++j) {
            const int tx = speed_tokens(&rows[i]), ty = speed_tokens(&rows[j]);
            if (rows[i].measured != rows[j].measured || !speed_same_config(&rows[i], &rows[j]) || (tx && ty && tx != ty)) continue;
            *a = i; *b = j;
            return 1;
        }
    return 0;
}

/* Read tests/data/speed.tsv; returns rows read, -1 when the file cannot be opened;
   *unresolved: rows naming what the tables lack; *unpriced: prefill rows on accelerators
   without a published tensor throughput (no prediction to score). */
static int speed_read(const char *path, speed_obs *rows, int cap, int *unresolved, int *unpriced) {
    char line[8192];
    int n = 0;
    FILE *fp = fopen(path, "r");
    if (!fp) return -1;
    *unresolved = *unpriced = 0;
    while (fgets(line, sizeof line, fp) && n < cap) {
        char *f[11], *s = line;
        int k = 0;
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\n")] = '\0';
        while (k < 11 && s) { f[k++] = s; s = strchr(s, '\t'); if (s) *s++ = '\0'; }
        if (k < 11) { ++*unresolved; continue; }
        switch (speed_obs_of(f, &rows[n])) {
        case 1: {
            int j;
            for (j = 0; j < n && strcmp(rows[j].key, rows[n].key); ++j) {}
            rows[n].src = j < n ? rows[j].src : speed_source_count(rows, n);
            ++n;
            break;
        }
        case 0: ++*unpriced; break;
        default: ++*unresolved; break;
        }
    }
    fclose(fp);
    return n;
}

/* ---- Partial offload (tests/data/offload.tsv) -------------------------------------------
   llama.cpp with part of the model in host memory (-ngl below the layer count, --n-cpu-moe,
   experts kept on the CPU): each row is predicted by llmsize_plan_fit's decode column (engine
   llama.cpp with the row's -ngl, --n-cpu-moe and the host's peak bandwidth), the accelerator's
   part with its class and vendor's constants, the host's part at the CPU class's share of its
   bandwidth. No constant is fitted on these rows: each is scored by constants it did not set.
   Columns: accelerator id, accelerators, model id, format id, tokens generated, depth, measured
   tok/s, -ngl (99: every layer), layers whose experts stay on the CPU (N: the first N, as
   --n-cpu-moe; A-B: layers A to B, as an -ot pattern), host peak GB/s, host memory, backend,
   source, quote. */
typedef struct offload_obs {
    char key[96];             /* the source                                               */
    char row[200];            /* for reports                                              */
    double measured, predicted;
    int src;
} offload_obs;

/* 1: a row; -1 when the tables lack a name or the plan gives no decode figure */
static int offload_obs_of(char **f, offload_obs *o) {
    llmsize_plan p;
    llmsize_plan_result r;
    const int tokens = atoi(f[4]), depth = atoi(f[5]), ngl = atoi(f[7]), ncmoe = atoi(f[8]);
    memset(o, 0, sizeof *o);
    memset(&p, 0, sizeof p);
    if (llmsize_find_gpu(f[0], &p.gpu) || llmsize_find_model(f[2], &p.model) || llmsize_find_format(f[3], &p.format)) return -1;
    p.engine = LLMSIZE_ENGINE_LLAMACPP;
    p.gpus = (uint32_t)atoi(f[1]);
    p.context = (uint64_t)depth + (uint64_t)(tokens ? tokens : 128);
    p.seqs = 1;
    if (ngl >= 0 && ngl < (int)p.model->dims.layers) { p.flags |= LLMSIZE_PLAN_GPU_LAYERS; p.gpu_layers = ngl; }
    if (strchr(f[8], '-')) {   /* a run of layers, A-B */
        const int last = atoi(strchr(f[8], '-') + 1);
        if (last < ncmoe) return -1;
        p.cpu_moe_first = (uint32_t)ncmoe;
        p.cpu_moe_layers = (uint32_t)(last - ncmoe + 1);
    } else {
        p.cpu_moe_layers = (uint32_t)ncmoe;
    }
    p.host_bw_gbs = atof(f[9]);
    if (p.gpus < 1 || llmsize_plan_fit(&p, &r) != LLMSIZE_OK || !(r.decode_tps > 0)) return -1;
    o->measured = atof(f[6]);
    o->predicted = r.decode_tps;
    speed_key(f[12], o->key, sizeof o->key);
    snprintf(o->row, sizeof o->row, "%s x%s %s %s ngl %d experts on the CPU %s host %s GB/s @d%d", f[0], f[1], f[2], f[3], ngl, f[8], f[9], depth);
    return o->measured > 0 ? 1 : -1;
}

static int offload_read(const char *path, offload_obs *rows, int cap, int *unresolved) {
    char line[8192];
    int n = 0, sources = 0;
    FILE *fp = fopen(path, "r");
    if (!fp) return -1;
    *unresolved = 0;
    while (fgets(line, sizeof line, fp) && n < cap) {
        char *f[14], *s = line;
        int k = 0, j;
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\n")] = '\0';
        while (k < 14 && s) { f[k++] = s; s = strchr(s, '\t'); if (s) *s++ = '\0'; }
        if (k < 14 || offload_obs_of(f, &rows[n]) != 1) { ++*unresolved; continue; }
        for (j = 0; j < n && strcmp(rows[j].key, rows[n].key); ++j) {}
        rows[n].src = j < n ? rows[j].src : sources++;
        ++n;
    }
    fclose(fp);
    return n;
}

/* The partial-offload rows of a file, scored: rows read (-1: no file), rows naming what the
   tables lack, sources, and the median and p90 of |predicted / measured - 1|. */
typedef struct offload_score { int rows, unresolved, sources; double median, p90; } offload_score;
static offload_score offload_score_of(const char *path) {
    static offload_obs rows[SPEED_MAX];
    static double v[SPEED_MAX];
    offload_score r;
    int i;
    memset(&r, 0, sizeof r);
    r.rows = offload_read(path, rows, SPEED_MAX, &r.unresolved);
    for (i = 0; i < r.rows; ++i) {
        v[i] = fabs(rows[i].predicted / rows[i].measured - 1);
        if (rows[i].src + 1 > r.sources) r.sources = rows[i].src + 1;
    }
    if (r.rows > 0) {
        qsort(v, (size_t)r.rows, sizeof v[0], speed_cmp);
        r.median = (v[(r.rows - 1) / 2] + v[r.rows / 2]) / 2.0;
        r.p90 = speed_at(v, r.rows, 0.9);
    }
    return r;
}
#endif
