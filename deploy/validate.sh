#!/usr/bin/env bash
# Validates deploy/ offline (no Docker engine or cluster needed): YAML, kustomize rendering, cross-references.
set -euo pipefail
cd "$(dirname "$0")"
python3 validate.py
