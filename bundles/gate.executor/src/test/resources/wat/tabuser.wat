;; Imports a table and a function (imported tables, TableImportTest).
(module
  (type $r (func (result i32)))
  (import "m" "seven" (func $seven (type $r)))
  (import "m" "tab" (table $t 2 funcref))
  (elem declare func $seven)
  (func (export "call") (param i32) (result i32) (call_indirect (type $r) (local.get 0)))
  (func (export "direct") (result i32) (call $seven))
  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
  (func (export "put-seven") (param i32) (table.set $t (local.get 0) (ref.func $seven)))
  (func (export "clear") (param i32) (table.set $t (local.get 0) (ref.null func))))
