"""Offline checks of the deployment files (no Docker engine or Kubernetes API here): every YAML parses, the
Kubernetes objects are well-formed and consistent with each other (selectors match pod labels, services target
declared container ports, referenced ConfigMaps/PVCs exist), and the compose services are wired the same way the
silo expects its configuration (all keys of the silo's sections exist)."""
import json, pathlib, subprocess, sys, yaml

root = pathlib.Path(__file__).resolve().parent
errors = []

def check(condition, message):
    if not condition:
        errors.append(message)

# Kubernetes: kustomize renders the set; then cross-reference the objects.
rendered = subprocess.run(["kubectl", "kustomize", str(root / "k8s")], capture_output=True, text=True)
check(rendered.returncode == 0, f"kustomize failed: {rendered.stderr.strip()}")
objects = [o for o in yaml.safe_load_all(rendered.stdout) if o] if rendered.returncode == 0 else []
by_kind = {}
for o in objects:
    check(all(k in o for k in ("apiVersion", "kind", "metadata")), f"object without apiVersion/kind/metadata: {o}")
    check(bool(o.get("metadata", {}).get("name")), f"{o.get('kind')} without a name")
    by_kind.setdefault(o["kind"], {})[o["metadata"]["name"]] = o

configmaps = by_kind.get("ConfigMap", {})
claims = by_kind.get("PersistentVolumeClaim", {})
workloads = {**by_kind.get("Deployment", {}), **by_kind.get("StatefulSet", {})}
for name, w in workloads.items():
    spec = w["spec"]
    selector = spec["selector"]["matchLabels"]
    labels = spec["template"]["metadata"]["labels"]
    check(all(labels.get(k) == v for k, v in selector.items()), f"{name}: selector {selector} does not match pod labels")
    pod = spec["template"]["spec"]
    for c in pod["containers"]:
        check(bool(c.get("image")), f"{name}/{c['name']}: no image")
        check("resources" in c and "requests" in c["resources"], f"{name}/{c['name']}: no resource requests")
        for source in c.get("envFrom", []):
            ref = source.get("configMapRef")
            if ref: check(ref["name"] in configmaps, f"{name}: ConfigMap {ref['name']} not defined")
        port_names = {p["name"] for p in c.get("ports", [])}
        for probe in ("readinessProbe", "livenessProbe"):
            http = c.get(probe, {}).get("httpGet")
            if http: check(http["port"] in port_names, f"{name}: {probe} targets undeclared port {http['port']}")
    for v in pod.get("volumes", []):
        claim = v.get("persistentVolumeClaim")
        if claim: check(claim["claimName"] in claims, f"{name}: PVC {claim['claimName']} not defined")

for name, s in by_kind.get("Service", {}).items():
    matches = [w for w in workloads.values()
               if all(w["spec"]["template"]["metadata"]["labels"].get(k) == v for k, v in s["spec"]["selector"].items())]
    check(len(matches) == 1, f"Service {name} selects {len(matches)} workloads")
    for m in matches:
        declared = {p["name"] for c in m["spec"]["template"]["spec"]["containers"] for p in c.get("ports", [])}
        for p in s["spec"]["ports"]:
            check(p["targetPort"] in declared, f"Service {name} targets undeclared port {p['targetPort']}")

# Compose: parse (anchors and merge keys resolved) and check the silo environment against the silo's settings.
compose = yaml.safe_load((root / "docker-compose.yml").read_text())
services = compose["services"]
settings = json.loads((root.parent / "silo" / "appsettings.json").read_text())
def keys(node, prefix=""):
    for k, v in node.items():
        yield from keys(v, f"{prefix}{k}__") if isinstance(v, dict) else [f"{prefix}{k}"]
known = set(keys(settings)) | {"Urls", "Orleans__AdvertisedIPAddress"}
for name, service in services.items():
    for dependency in service.get("depends_on", {}):
        check(dependency in services, f"compose {name} depends on unknown service {dependency}")
    if name.startswith("silo"):
        env = service["environment"]
        # DOTNET_* are the runtime's own settings (e.g. DOTNET_GCgen0size), not the silo's configuration.
        unknown = [k for k in env if k not in known and not k.startswith(("Kafka__Client__", "Security__ApiKeys__", "DOTNET_"))]
        check(not unknown, f"compose {name}: keys the silo does not read: {unknown}")
        check(env.get("Model__Path", "").startswith("/models/"), f"compose {name}: Model__Path outside the models volume")
        check(service["build"]["dockerfile"] == "deploy/Dockerfile", f"compose {name}: unexpected Dockerfile")
for k in ("Orleans__ClusterId", "Orleans__ServiceId", "Redis__ConnectionString"):
    values = {s["environment"].get(k) for n, s in services.items() if n.startswith("silo") or n == "api"}
    check(len(values) == 1, f"compose: {k} differs between silos and API: {values}")

if errors:
    print("\n".join(f"invalid: {e}" for e in errors))
    sys.exit(1)
print(f"deploy: {len(objects)} Kubernetes objects and {len(services)} compose services valid")
