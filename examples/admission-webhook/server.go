package main

// HTTP glue: AdmissionReview in and out, request limits, panic recovery, metrics.

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	admissionv1 "k8s.io/api/admission/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// MaxBody bounds a request: the API server sends objects up to etcd's 1.5 MiB limit, twice
// (object and oldObject) on updates, plus the review's envelope.
const MaxBody = 4 << 20

// MaxInFlight bounds the requests read and decoded at once: each holds its body and the
// decoded objects (a few times MaxBody at most), so 8 stay well under the 128 Mi limit in
// deploy/deployment.yaml.
const MaxInFlight = 8

var inFlight = make(chan struct{}, MaxInFlight)

// Metrics are the webhook's Prometheus counters and latency histogram.
type Metrics struct {
	requests, denied, warned, errors atomic.Uint64
	mu                               sync.Mutex
	buckets                          []float64 // seconds, upper bounds
	counts                           []uint64
	sum                              float64
	n                                uint64
}

func NewMetrics() *Metrics {
	b := []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1}
	return &Metrics{buckets: b, counts: make([]uint64, len(b))}
}

func (m *Metrics) observe(d time.Duration) {
	s := d.Seconds()
	m.mu.Lock()
	for i, ub := range m.buckets {
		if s <= ub {
			m.counts[i]++
		}
	}
	m.sum += s
	m.n++
	m.mu.Unlock()
}

// ServeHTTP writes the Prometheus text exposition format.
func (m *Metrics) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	fmt.Fprintf(w, "# HELP llmsize_webhook_requests_total AdmissionReview requests.\n# TYPE llmsize_webhook_requests_total counter\nllmsize_webhook_requests_total %d\n", m.requests.Load())
	fmt.Fprintf(w, "# HELP llmsize_webhook_denied_total Requests denied.\n# TYPE llmsize_webhook_denied_total counter\nllmsize_webhook_denied_total %d\n", m.denied.Load())
	fmt.Fprintf(w, "# HELP llmsize_webhook_warned_total Requests admitted with warnings.\n# TYPE llmsize_webhook_warned_total counter\nllmsize_webhook_warned_total %d\n", m.warned.Load())
	fmt.Fprintf(w, "# HELP llmsize_webhook_errors_total Malformed requests and recovered panics.\n# TYPE llmsize_webhook_errors_total counter\nllmsize_webhook_errors_total %d\n", m.errors.Load())
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintf(w, "# HELP llmsize_webhook_duration_seconds Time to decide a request.\n# TYPE llmsize_webhook_duration_seconds histogram\n")
	for i, ub := range m.buckets {
		fmt.Fprintf(w, "llmsize_webhook_duration_seconds_bucket{le=\"%g\"} %d\n", ub, m.counts[i])
	}
	fmt.Fprintf(w, "llmsize_webhook_duration_seconds_bucket{le=\"+Inf\"} %d\nllmsize_webhook_duration_seconds_sum %g\nllmsize_webhook_duration_seconds_count %d\n", m.n, m.sum, m.n)
}

// Handler serves /validate.
type Handler struct {
	Reviewer *Reviewer
	Metrics  *Metrics
	Log      *slog.Logger
	Timeout  time.Duration // per decision (the API server's timeoutSeconds is the outer bound)
}

func (h *Handler) fail(w http.ResponseWriter, code int, msg string) {
	h.Metrics.errors.Add(1)
	h.Log.Warn("bad request", "code", code, "error", msg)
	http.Error(w, msg, code)
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h.Metrics.requests.Add(1)
	defer func() {
		if p := recover(); p != nil { // never take the webhook down; failurePolicy decides
			h.fail(w, http.StatusInternalServerError, "internal error")
			h.Log.Error("panic", "value", fmt.Sprint(p))
		}
		h.Metrics.observe(time.Since(start))
	}()
	if r.Method != http.MethodPost {
		h.fail(w, http.StatusMethodNotAllowed, "POST an AdmissionReview")
		return
	}
	if ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || ct != "application/json" {
		h.fail(w, http.StatusUnsupportedMediaType, "Content-Type must be application/json")
		return
	}
	// at most MaxInFlight bodies decoded at once: memory stays within the manifest's limit
	// however many the API server sends (the rest wait, within its timeout)
	select {
	case inFlight <- struct{}{}:
		defer func() { <-inFlight }()
	case <-r.Context().Done():
		h.fail(w, http.StatusServiceUnavailable, "busy")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		h.fail(w, http.StatusRequestEntityTooLarge, "request body too large or unreadable")
		return
	}
	var review admissionv1.AdmissionReview
	if err := json.Unmarshal(body, &review); err != nil || review.Request == nil || review.Request.UID == "" {
		h.fail(w, http.StatusBadRequest, "not an admission.k8s.io/v1 AdmissionReview with a request and its uid")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.Timeout)
	defer cancel()
	req := review.Request
	d := h.Reviewer.Review(ctx, req)
	resp := &admissionv1.AdmissionResponse{UID: req.UID, Allowed: d.Allowed, Warnings: d.Warnings}
	if !d.Allowed {
		h.Metrics.denied.Add(1)
		resp.Result = &metav1.Status{Status: metav1.StatusFailure, Code: http.StatusForbidden,
			Reason: metav1.StatusReasonForbidden, Message: d.Message}
	} else if len(d.Warnings) > 0 {
		h.Metrics.warned.Add(1)
	}
	out := admissionv1.AdmissionReview{TypeMeta: metav1.TypeMeta{APIVersion: "admission.k8s.io/v1", Kind: "AdmissionReview"},
		Response: resp}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(&out)
	h.Log.Info("review", "uid", string(req.UID), "kind", req.Kind.Kind, "namespace", req.Namespace, "name", req.Name,
		"allowed", d.Allowed, "warnings", len(d.Warnings), "ms", float64(time.Since(start).Microseconds())/1000)
}
