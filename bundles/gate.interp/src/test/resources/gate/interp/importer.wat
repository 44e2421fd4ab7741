;; Imports the exporter's table. Its type indexes differ from the distinct-type numbering (types 0
;; and 1 are equal), so call_indirect must compare the types themselves across modules.
(module
  (type $t0 (func))
  (type $t1 (func))
  (type $answer (func (result i32)))
  (import "exporter" "table" (table 2 funcref))
  (import "exporter" "f" (func $imported (type $answer)))
  (func (export "call") (param i32) (result i32)
    (call_indirect (type $answer) (local.get 0)))
  (func (export "wrong-type") (param i32)
    (call_indirect (type $t1) (local.get 0)))
  (func (export "store-own") (table.set 0 (i32.const 1) (ref.func $own)))
  (func $own (type $answer) (i32.const 7))
  (elem declare func $own)
  (func (export "plus-imported") (result i32) (i32.add (call $imported) (i32.const 1))))
