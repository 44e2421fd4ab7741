;; Exports a table holding two of its functions (imported tables, TableImportTest).
(module
  (type $r (func (result i32)))
  (table $t (export "tab") 4 10 funcref)
  (elem (i32.const 0) $seven)
  (func $seven (export "seven") (type $r) (i32.const 7))
  (func $eight (export "eight") (type $r) (i32.const 8))
  (func (export "call") (param i32) (result i32) (call_indirect (type $r) (local.get 0)))
  (func (export "size") (result i32) (table.size $t)))
