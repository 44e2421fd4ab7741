;; Imports a table and stores its own function in it (imported tables, TableImportTest).
(module
  (type $r (func (result i32)))
  (import "m" "tab" (table $t 2 funcref))
  (elem (i32.const 1) $five)
  (func $five (type $r) (i32.const 5))
  (func (export "call") (param i32) (result i32) (call_indirect (type $r) (local.get 0)))
  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0))))
