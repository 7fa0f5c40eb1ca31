// Package core is the SWIG-generated wrapper of llmsize.h (from bindings/llmsize.i), with
// copies of the two headers so `go get` builds it without SWIG. Regenerate with SWIG 4.1.0:
// `go generate ./...` (or `make bindings` at the repository root); `make test` checks the
// committed files are fresh. Use the public package github.com/llmsize/llmsize/bindings/go.
package core

//go:generate sh generate.sh
