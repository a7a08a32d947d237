module polc.test/goprobe

go 1.19
