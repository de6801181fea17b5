// pinned after the first run
