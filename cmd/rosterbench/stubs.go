package main

import (
	"context"
	"errors"
	"time"
)

type httpOpts struct {
	Members, Page, Clients int
	Duration               time.Duration
}
type scaleOpts struct {
	Sizes    string
	Requests int
}

func benchHTTP(context.Context, *bench, httpOpts) error   { return errors.New("todo") }
func benchScale(context.Context, *bench, scaleOpts) error { return errors.New("todo") }
