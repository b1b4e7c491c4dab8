//go:build windows

package storage

func isQuota(error) bool { return false }
