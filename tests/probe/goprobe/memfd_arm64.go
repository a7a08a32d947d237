package main

// memfd_create is newer than Go 1.19's syscall tables
const sysMemfdCreate = 279
