"""A job worker for examples/python-worker.pol (Debian 12's python3 3.11 and python3-redis 4.3.4).

Takes jobs from the Redis list `jobs` on 127.0.0.1:6379 (BLPOP), each a JSON
object {"id": ..., "text": ...}, and pushes a result for each onto the list the
configuration names (RPUSH): the job's id, the SHA-256 of its text (UTF-8) and
its word count, and the text in upper case when the configuration says so.

  SIGHUP   re-reads the configuration file and logs what it now says
  SIGTERM  finishes the job in hand, then exits with status 0

While Redis cannot be reached (not started yet, restarting) it logs a warning
and tries again every second.

The configuration is JSON, by default /etc/python-worker/config.json:
{"results": "results", "uppercase": false}. Logs go to stderr.
"""

import hashlib
import json
import logging
import signal
import sys
import time

import redis

CONFIG = sys.argv[1] if len(sys.argv) > 1 else "/etc/python-worker/config.json"
DEFAULTS = {"results": "results", "uppercase": False}
# how long one BLPOP waits: the longest a SIGTERM between jobs waits for the exit
POLL_SECONDS = 1
RETRY_SECONDS = 1

log = logging.getLogger("python-worker")
stopping = False
reload_wanted = False


def read_config():
    with open(CONFIG, encoding="utf-8") as f:
        loaded = json.load(f)
    config = dict(DEFAULTS)
    config.update({k: loaded[k] for k in DEFAULTS if k in loaded})
    return config


def on_term(signum, frame):
    global stopping
    stopping = True


def on_hup(signum, frame):
    global reload_wanted
    reload_wanted = True


def result_of(job, config):
    text = job["text"]
    result = {
        "id": job["id"],
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "words": len(text.split()),
    }
    if config["uppercase"]:
        result["text"] = text.upper()
    return result


def push(r, key, value):
    """RPUSH, tried again while Redis is unreachable, until a stop is asked for."""
    while True:
        try:
            r.rpush(key, value)
            return True
        except redis.exceptions.ConnectionError as e:
            if stopping:
                return False
            log.warning("redis unreachable (%s); trying again in %d s", e, RETRY_SECONDS)
            time.sleep(RETRY_SECONDS)


def main():
    global reload_wanted
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGHUP, on_hup)
    config = read_config()
    log.info("started: config %s", json.dumps(config, sort_keys=True))
    r = redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=5)
    done = 0
    while not stopping:
        if reload_wanted:
            reload_wanted = False
            try:
                config = read_config()
                log.info("reloaded: config %s", json.dumps(config, sort_keys=True))
            except (OSError, ValueError) as e:
                log.error("reload failed, keeping the old config: %s", e)
        try:
            item = r.blpop(["jobs"], timeout=POLL_SECONDS)
        except redis.exceptions.ConnectionError as e:
            log.warning("redis unreachable (%s); trying again in %d s", e, RETRY_SECONDS)
            time.sleep(RETRY_SECONDS)
            continue
        if item is None:
            continue
        try:
            job = json.loads(item[1])
            result = result_of(job, config)
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            log.error("bad job %r: %s", item[1][:200], e)
            continue
        if not push(r, config["results"], json.dumps(result, sort_keys=True)):
            log.error("job %s: result lost, redis unreachable at the stop", result["id"])
            continue
        done += 1
        log.info("job %s done", result["id"])
    log.info("stopping after %d jobs", done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
