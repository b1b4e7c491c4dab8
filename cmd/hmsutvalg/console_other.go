//go:build !windows

package main

// attachConsole is needed only on Windows, where the .exe is a GUI program
// without a console of its own.
func attachConsole() {}
