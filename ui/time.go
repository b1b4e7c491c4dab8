package ui

import "time"

// timeNow is the clock for the system date; rules get the date passed in.
var timeNow = time.Now
