package main

import (
	"context"
	"errors"
)

type scaleOpts struct {
	Sizes    string
	Requests int
}

func benchScale(context.Context, *bench, scaleOpts) error { return errors.New("todo") }
