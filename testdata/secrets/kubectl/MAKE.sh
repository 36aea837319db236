#!/bin/sh
# Documentation: the exact commands that made the fixtures in this folder (kubectl v1.32.4 client,
# OpenSSL 3). Tests read the committed files and never run this script or kubectl.
# Run from this folder: sh MAKE.sh
set -eu

# Throwaway certificates and keys (no real system uses them).
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=demo.example.com" \
  -keyout tls-pkcs8.key -out tls.crt 2>/dev/null
openssl rsa -in tls-pkcs8.key -traditional -out tls-pkcs1.key 2>/dev/null       # RSA PKCS#1 ("BEGIN RSA PRIVATE KEY")
openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=other.example.com" \
  -keyout other.key -out other.crt 2>/dev/null                                     # a second pair, for the mismatch
openssl ecparam -name prime256v1 -genkey -noout -out ec.key                        # EC SEC1 ("BEGIN EC PRIVATE KEY")
openssl req -x509 -new -key ec.key -days 3650 -subj "/CN=ec.example.com" -out ec.crt

printf 'hunter2\n' > password.txt

kubectl create secret generic demo --from-literal=username=admin --from-literal=password='s3cr=t' \
  --dry-run=client -o json > generic-literal.json
kubectl create secret generic demo --from-literal=username=admin --from-literal=password='s3cr=t' \
  --dry-run=client -o yaml > generic-literal.yaml
kubectl create secret generic demo --from-file=password.txt -n platform --dry-run=client -o json > generic-file.json
kubectl create secret generic empty --dry-run=client -o yaml > generic-empty.yaml
kubectl create secret generic typed --type=kubernetes.io/basic-auth --from-literal=password=pw \
  --dry-run=client -o json > generic-basic-auth.json

kubectl create secret tls web-tls --cert=tls.crt --key=tls-pkcs8.key --dry-run=client -o json > tls-pkcs8.json
kubectl create secret tls web-tls --cert=tls.crt --key=tls-pkcs1.key --dry-run=client -o yaml > tls-pkcs1.yaml
kubectl create secret tls ec-tls --cert=ec.crt --key=ec.key --dry-run=client -o json > tls-ec.json
# kubectl refuses a mismatched pair, so it is made with generic --type and the two files:
kubectl create secret generic mismatched-tls --type=kubernetes.io/tls \
  --from-file=tls.crt=tls.crt --from-file=tls.key=other.key --dry-run=client -o json > tls-mismatched.json

kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=bob \
  --docker-password='p@ss:w0rd' --docker-email=bob@example.com --dry-run=client -o json > docker-registry.json
kubectl create secret docker-registry hub --docker-username=bob --docker-password='a<b>&c"d\e' \
  --dry-run=client -o yaml > docker-registry-hub.yaml

rm -f tls-pkcs8.key other.key other.crt
