//! Markdown → styled lines wrapped at a width. No terminal I/O: the output is plain data (ratatui `Line`s) that the
//! TUI draws and plain mode prints.
