module polc.example/go-service

go 1.19
