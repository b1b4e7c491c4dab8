package storage

import "sync"

// listCache keeps decoded lists (all measures, all deviations …) between
// writes. A page build asks for the same lists several times (the
// dashboard's cards each read the action plan), and decoding thousands of
// JSON records each time is what made screens slow on a large unit. The
// store is the file's only writer (it holds the write lock), so the cache
// is dropped on every write through updateChanges, the one write path.
//
// gen guards against a read racing a write: a list read in a transaction
// that began before a write commits must not be stored afterwards, so the
// writer bumps gen before and after its transaction and a reader stores
// only if gen did not move while it read.
type listCache struct {
	mu    sync.Mutex
	gen   uint64
	lists map[string]any
}

func (c *listCache) begin() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

func (c *listCache) invalidate() {
	c.mu.Lock()
	c.gen++
	c.lists = nil
	c.mu.Unlock()
}

// cachedList returns a deep copy of the cached list for key, if any.
func cachedList[T any](c *listCache, key string) ([]T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.lists[key].([]T)
	if !ok {
		return nil, false
	}
	// A deep copy (deepcopy.go), so a caller sorting the list or changing
	// a record's participants, answers or items in place does not change
	// what the next caller gets.
	return cloneList(v), true
}

// storeList caches a deep copy of list for key if no write happened since
// gen; list itself stays the caller's.
func storeList[T any](c *listCache, key string, gen uint64, list []T) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	if c.lists == nil {
		c.lists = map[string]any{}
	}
	c.lists[key] = cloneList(list)
}
