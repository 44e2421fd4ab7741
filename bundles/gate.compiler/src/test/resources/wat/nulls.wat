;; call_indirect without foreign functions: a null element reads the function table's entry -1,
;; whose type id matches no signature, so one compare rejects both null and a wrong signature
;; (ModuleState.NO_TYPE); the out-of-line path tells them apart. NullElementsTest runs every
;; index against the interpreter: present, wrong type, null (never set, and set to null at run
;; time), and out of bounds.
(module
  (type $ii_i (func (param i32 i32) (result i32)))
  (type $i_i (func (param i32) (result i32)))
  (table $t 8 funcref)
  (elem (table $t) (i32.const 0) func $add $neg $sub)
  (elem declare func $add)
  (func $add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func $neg (param i32) (result i32) (i32.sub (i32.const 0) (local.get 0)))
  (func $sub (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (func (export "pick") (param $i i32) (param $a i32) (param $b i32) (result i32)
    (call_indirect (type $ii_i) (local.get $a) (local.get $b) (local.get $i)))
  (func (export "pick1") (param $i i32) (param $a i32) (result i32)
    (call_indirect (type $i_i) (local.get $a) (local.get $i)))
  ;; In a loop with the callee's result carried: the trap leaves the loop at any iteration.
  (func (export "sum") (param $n i32) (param $hole i32) (result i32) (local $s i32) (local $k i32)
    (loop $l
      (local.set $s (call_indirect (type $ii_i) (local.get $s) (local.get $k)
        (select (local.get $hole) (i32.and (local.get $k) (i32.const 2))
          (i32.eq (local.get $k) (i32.const 40)))))
      (br_if $l (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (local.get $n))))
    (local.get $s))
  (func (export "clear") (param $i i32) (table.set $t (local.get $i) (ref.null func)))
  (func (export "fill") (param $i i32) (table.set $t (local.get $i) (ref.func $add))))
