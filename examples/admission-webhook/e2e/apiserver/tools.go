//go:build tools

// Package apiserver only pins the kube-apiserver command as a dependency; `go build
// k8s.io/kubernetes/cmd/kube-apiserver` in this folder builds it (make e2e does).
package apiserver

import _ "k8s.io/kubernetes/cmd/kube-apiserver"
