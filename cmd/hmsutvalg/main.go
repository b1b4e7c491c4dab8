// Command hmsutvalg is the HMS committee's desktop app and its command line.
package main

import "os"

func main() {
	attachConsole()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
