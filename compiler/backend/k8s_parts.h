/* The parts of the Kubernetes manifest beyond the securityContext, each in a
 * file of its own: resources.limits and what the nodes must enforce
 * (k8s_resources.c), the writable volumes of a read-only root
 * (k8s_volumes.c). Internal to the Kubernetes back end. */
#ifndef POLC_BACKEND_K8S_PARTS_H
#define POLC_BACKEND_K8S_PARTS_H
#include "backend/backend.h"
#include "backend/k8s_manifest.h"

/* m->limit_cpu/limit_memory and m->node_limits from the resources section;
 * false after E0921 for each limit a Pod cannot say per container when the
 * nodes are not declared to enforce it (--k8s-node-limits). */
bool k8s_resources_build(const BackendRun *run, K8sManifest *m);
/* m->volumes: one emptyDir per `write`/`append` path under `read-only root`;
 * m->unwritable: the paths no directory volume can make writable, with
 * W0920 where polc writes the Pod. */
void k8s_volumes_build(const BackendRun *run, K8sManifest *m);

#endif
