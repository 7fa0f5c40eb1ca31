#!/bin/sh
# Makes a CA and a serving certificate for the webhook Service, stores them in the
# llmsize-webhook-tls Secret and prints webhook.yaml with the CA filled in:
#   ./gen-certs.sh | kubectl apply -f -
# (cert-manager users: issue a Certificate for the same DNS names instead.)
set -eu
ns=${NAMESPACE:-llmsize-system}
svc=llmsize-webhook
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=llmsize-webhook-ca" -keyout ca.key -out ca.crt 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=$svc.$ns.svc" -keyout tls.key -out tls.csr 2>/dev/null
printf 'subjectAltName=DNS:%s,DNS:%s.%s,DNS:%s.%s.svc,DNS:%s.%s.svc.cluster.local\nextendedKeyUsage=serverAuth\n' \
  "$svc" "$svc" "$ns" "$svc" "$ns" "$svc" "$ns" > ext.cnf
openssl x509 -req -in tls.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -extfile ext.cnf -out tls.crt 2>/dev/null
kubectl -n "$ns" create secret tls llmsize-webhook-tls --cert=tls.crt --key=tls.key --dry-run=client -o yaml | kubectl apply -f - >&2
ca=$(base64 < ca.crt | tr -d '\n')
sed "s|CA_BUNDLE|$ca|" "$here/webhook.yaml"
