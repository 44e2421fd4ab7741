;; Declares more memory than the default instance limit (512 pages) allows.
(module (memory 600) (func (export "size") (result i32) (memory.size)))
