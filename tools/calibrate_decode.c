/* tools/calibrate_decode.c — the speed calibration of llmsize_data.h (llmsize__efficiencies),
   recomputed from tests/data/speed.tsv by the fit in tools/speed_fit.h, and scored: for each
   hardware class the fitted bandwidth share and per-layer cost (decode) and MFU (prefill),
   the range [low, high] that holds 80 % of the class's rows held out, and beside them what the table holds; then
   the error of the table's constants on every row (in-sample) and of fits that leave each
   source out (held out), per regime.

   build/calibrate_decode [tests/data/speed.tsv]   (make calibrate) */
#include "tools/speed_fit.h"

static speed_obs rows[SPEED_MAX];
static double held[SPEED_MAX], ins[SPEED_MAX], ratio[SPEED_MAX], pooled[SPEED_MAX], table_err[SPEED_MAX];
static speed_fit fit;

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "tests/data/speed.tsv";
    int unresolved = 0, unpriced = 0, n = speed_read(path, rows, SPEED_MAX, &unresolved, &unpriced), i, g;
    size_t k;
    if (n < 0) { perror(path); return 1; }
    {
        int a, b;
        if (speed_duplicate(rows, n, &a, &b)) {   /* a copy would be fitted as one source and scored as another */
            fprintf(stderr, "%s repeats a measurement: %s (%s) and %s (%s)\n", path, rows[a].row, rows[a].key, rows[b].row, rows[b].key);
            return 1;
        }
    }
    printf("%s: %d rows scored; %d prefill rows on accelerators with no published tensor throughput (no TTFT to score); "
           "%d rows naming what the tables lack\n\n", path, n, unpriced, unresolved);
    speed_fit_all(rows, n, NULL, &fit);
    speed_score(rows, n, held, ins, NULL, ratio, pooled);
    printf("fitted on every row of the group (paste into llmsize__efficiencies); kv_cost %.2f on %d deep rows of every group:\n",
           fit.kv_cost, fit.deep);
    for (g = 0; g < speed_groups(); ++g) {
        const llmsize_efficiency *t = llmsize_efficiency_at((size_t)g);
        char name[64];
        double lo = 0, hi = 0;
        int tg = 0, pp = 0, shallow = 0;
        speed_group_name(g, name, sizeof name);
        if (!fit.fitted[g]) {
            printf("  %-18s decode rows from fewer than two sources: the table keeps its prior %.2f / %.0f us, scored on them\n",
                   name, t->expected, t->layer_us);
            continue;
        }
        for (i = 0; i < n; ++i) {
            if (!speed_member(&rows[i], g)) continue;
            if (rows[i].prefill) ++pp;
            else { ++tg; shallow += speed_shallow(&rows[i]); }
        }
        speed_range(rows, n, g, speed_pool_of(g) == g ? pooled : ratio, &lo, &hi);
        printf("  %-18s %3d tg (%3d shallow), %3d pp rows: expected %.3f, layer_us %.0f, low %.2f, high %.2f, prefill_mfu %.3f"
               "   (table: %.3f, %.0f, %.2f, %.2f, %.3f, kv_cost %.2f)\n", name, tg, shallow, pp, fit.e[g],
               fit.us[g], lo, hi, fit.mfu[g], t->expected, t->layer_us, t->low, t->high, t->prefill_mfu, t->kv_cost);
    }
    for (i = 0; i < n; ++i) table_err[i] = fabs(rows[i].predicted / rows[i].measured - 1);
    printf("\n%-36s %5s  %-22s %-22s %-22s\n", "regime", "rows", "the table's constants", "refit on every row",
           "held out (by source)");
    for (k = 0; k < sizeof speed_regimes / sizeof speed_regimes[0]; ++k) {
        double tm, tp, im, ip, hm, hp;
        int tn, in_, hn;
        speed_summary(rows, table_err, n, speed_regimes[k].pick, &tm, &tp, &tn);
        speed_summary(rows, ins, n, speed_regimes[k].pick, &im, &ip, &in_);
        speed_summary(rows, held, n, speed_regimes[k].pick, &hm, &hp, &hn);
        if (!tn) { printf("%-36s %5d  no rows\n", speed_regimes[k].name, 0); continue; }
        {
            int largest, sources = speed_sources(rows, n, speed_regimes[k].pick, &largest);
            printf("%-36s %5d  med %5.1f %% p90 %5.1f %%  med %5.1f %% p90 %5.1f %%  med %5.1f %% p90 %5.1f %% (%d; %d sources, largest %d)\n",
                   speed_regimes[k].name, tn, 100 * tm, 100 * tp, 100 * im, 100 * ip, 100 * hm, 100 * hp, hn, sources, largest);
        }
    }
    {   /* partial offload: scored by the constants above, none fitted on its rows */
        char opath[1024];
        const char *slash = strrchr(path, '/');
        offload_score o;
        snprintf(opath, sizeof opath, "%.*soffload.tsv", slash ? (int)(slash - path + 1) : 0, path);
        o = offload_score_of(opath);
        printf("%-36s %5d  med %5.1f %% p90 %5.1f %%  (tests/data/offload.tsv, %d sources; no constant fitted on these rows)\n",
               "llama.cpp partial offload, host RAM", o.rows > 0 ? o.rows : 0, 100 * o.median, 100 * o.p90, o.sources);
    }
    {   /* the measurements' own spread, beside the held-out error on the same rows */
        const speed_rep r = speed_replicate_summary(rows, n, held);
        printf("%-36s %5d  pairs of rows from two sources (%d configurations) differ by med %5.1f %% p90 %5.1f %%; "
               "held out on those %d rows: med %5.1f %% p90 %5.1f %%\n", "measured twice (decode)", r.pairs, r.configs,
               100 * r.med, 100 * r.p90, r.rows, 100 * r.held_med, 100 * r.held_p90);
    }
    {   /* the held-out tail: parts another source's rows are predicted on, or not */
        const speed_tail t = speed_tail_of(rows, n, held, 0.25, 0.15);
        printf("%-36s %5d  decode rows held out above 25 %%: %d on an accelerator (and count) another source measures within 15 %%, "
               "%d on setups no other source does\n", "held-out tail", t.over, t.elsewhere, t.over - t.elsewhere);
    }
    if (argc > 2 && !strcmp(argv[2], "-v"))
        for (i = 0; i < n; ++i)
            printf("  %-60s measured %8.2f predicted %8.2f held-out err %5.1f %%  %s\n", rows[i].row, rows[i].measured,
                   rows[i].predicted, held[i] >= 0 ? 100 * held[i] : -1.0, rows[i].key);
    return 0;
}
