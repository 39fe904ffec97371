#!/usr/bin/env bash
# Renders the return slip 1 + 200 times in one JVM and prints the time of the first (font load,
# class initialisation) and the mean of the rest, with the PDF's size. Needs the modules compiled
# (./mvnw -o -B -q compile -pl aftercare-returns -am) and OpenPDF/ZXing in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."
M2="${HOME}/.m2/repository"
CP="aftercare-returns/target/classes:aftercare-domain/target/classes:${M2}/com/github/librepdf/openpdf/2.0.5/openpdf-2.0.5.jar:${M2}/com/google/zxing/core/3.5.3/core-3.5.3.jar"
OUT="$(mktemp -d)"
javac -cp "$CP" -d "$OUT" bench/returns-slip/SlipBench.java
java -cp "$CP:$OUT" SlipBench
