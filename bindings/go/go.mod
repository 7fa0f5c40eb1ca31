module github.com/llmsize/llmsize/bindings/go

go 1.21
