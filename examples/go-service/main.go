// go-service: the small HTTP service that examples/go-service.pol confines
// (docs/examples.md). Standard library only.
//
//	GET  /healthz          "ok"
//	GET  /hello?name=NAME  the configured greeting and NAME
//	PUT  /items/KEY        stores the body (at most 4 KiB) in the data directory
//	GET  /items/KEY        reads it back
//
// SIGHUP re-reads the configuration file (JSON: {"greeting": "..."}) and
// logs the greeting; SIGTERM (or SIGINT) shuts the server down gracefully
// and exits 0. Logs go to stderr.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"sync"
	"syscall"
	"time"
)

type config struct {
	Greeting string `json:"greeting"`
}

type service struct {
	configPath string
	dataDir    string
	mu         sync.RWMutex
	greeting   string
}

// keys are plain names: no path separators, no "..", nothing hidden
var keyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

const maxItem = 4096

func (s *service) loadConfig() error {
	data, err := os.ReadFile(s.configPath)
	if errors.Is(err, os.ErrNotExist) {
		s.setGreeting("Hello")
		return nil
	}
	if err != nil {
		return err
	}
	var c config
	if err := json.Unmarshal(data, &c); err != nil {
		return fmt.Errorf("%s: %w", s.configPath, err)
	}
	if c.Greeting == "" {
		c.Greeting = "Hello"
	}
	s.setGreeting(c.Greeting)
	return nil
}

func (s *service) setGreeting(g string) {
	s.mu.Lock()
	s.greeting = g
	s.mu.Unlock()
}

func (s *service) currentGreeting() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.greeting
}

func (s *service) hello(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "world"
	}
	fmt.Fprintf(w, "%s, %s!\n", s.currentGreeting(), name)
}

func (s *service) items(w http.ResponseWriter, r *http.Request) {
	key := r.URL.Path[len("/items/"):]
	if !keyPattern.MatchString(key) {
		http.Error(w, "bad key", http.StatusBadRequest)
		return
	}
	path := filepath.Join(s.dataDir, key)
	switch r.Method {
	case http.MethodGet:
		data, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			http.NotFound(w, r)
			return
		}
		if err != nil {
			log.Printf("error: read %s: %v", path, err)
			http.Error(w, "read failed", http.StatusInternalServerError)
			return
		}
		w.Write(data)
	case http.MethodPut, http.MethodPost:
		data, err := io.ReadAll(io.LimitReader(r.Body, maxItem+1))
		if err != nil || len(data) > maxItem {
			http.Error(w, "body too large or unreadable", http.StatusRequestEntityTooLarge)
			return
		}
		// written to a temporary file and renamed: a reader never sees half an item
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, data, 0o600); err != nil {
			log.Printf("error: write %s: %v", tmp, err)
			http.Error(w, "write failed", http.StatusInternalServerError)
			return
		}
		if err := os.Rename(tmp, path); err != nil {
			log.Printf("error: rename %s: %v", tmp, err)
			http.Error(w, "write failed", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "stored %s (%d bytes)\n", key, len(data))
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func main() {
	listen := flag.String("listen", "0.0.0.0:8080", "address to listen on")
	cfg := flag.String("config", "/etc/go-service/config.json", "configuration file (re-read on SIGHUP)")
	data := flag.String("data", "/var/lib/go-service", "directory of the stored items")
	flag.Parse()
	log.SetFlags(log.LstdFlags | log.LUTC)

	s := &service{configPath: *cfg, dataDir: *data}
	if err := s.loadConfig(); err != nil {
		log.Fatalf("error: configuration: %v", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
	mux.HandleFunc("/hello", s.hello)
	mux.HandleFunc("/items/", s.items)
	srv := &http.Server{Addr: *listen, Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	done := make(chan struct{})
	go func() {
		for sig := range signals {
			if sig == syscall.SIGHUP {
				if err := s.loadConfig(); err != nil {
					log.Printf("error: reload: %v (keeping the old configuration)", err)
				} else {
					log.Printf("reloaded %s: greeting %q", s.configPath, s.currentGreeting())
				}
				continue
			}
			log.Printf("%v: shutting down", sig)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			if err := srv.Shutdown(ctx); err != nil {
				log.Printf("error: shutdown: %v", err)
			}
			cancel()
			close(done)
			return
		}
	}()

	log.Printf("listening on %s (uid %d), greeting %q", *listen, os.Getuid(), s.currentGreeting())
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		log.Fatalf("error: %v", err)
	}
	<-done
	log.Printf("stopped")
}
