;; Exports a table holding a function of type [] -> [i32], for linking tests.
(module
  (type $answer (func (result i32)))
  (func $f (type $answer) (i32.const 42))
  (table (export "table") 2 funcref)
  (elem (i32.const 0) $f)
  (export "f" (func $f)))
