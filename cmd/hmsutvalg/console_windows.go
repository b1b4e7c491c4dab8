//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachConsole gives the command line a console on Windows. The .exe is a
// GUI program (-H=windowsgui, so no black window opens behind the app), and
// Windows gives such a program no console: typed in cmd.exe or PowerShell,
// `hmsutvalg.exe aggregate …` would print nothing. When a parent console
// exists, standard output and error that are not already redirected to a
// file or a pipe are written to it. Started from Explorer there is no
// parent console and nothing changes.
func attachConsole() {
	outOK, errOK := usableHandle(syscall.Stdout), usableHandle(syscall.Stderr)
	if outOK && errOK {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if attach.Find() != nil {
		return
	}
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !outOK {
		os.Stdout = con
	}
	if !errOK {
		os.Stderr = con
	}
}

// usableHandle reports whether h is an open file, pipe or console.
func usableHandle(h syscall.Handle) bool {
	if h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}
