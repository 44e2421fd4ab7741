;; Host calls served while the instance process waits (HostCallTest).
(module
  (import "env" "add" (func $add (param i32 i32) (result i32)))
  (import "env" "poke" (func $poke (param i32)))
  (import "env" "block" (func $block (result i64)))
  (memory (export "mem") 1)
  ;; add(acc, k) for k < n: the sum of 0..n-1
  (func (export "sum") (param $n i32) (result i32)
    (local $k i32) (local $acc i32)
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $acc (call $add (local.get $acc) (local.get $k)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $l)))
    (local.get $acc))
  ;; the host stores 42 at the address; the program reads it back
  (func (export "poked") (result i32)
    (call $poke (i32.const 64))
    (i32.load (i32.const 64)))
  ;; a page grown by the program is visible to the host in the same run
  (func (export "grow_poke") (result i32)
    (drop (memory.grow (i32.const 1)))
    (call $poke (i32.const 65600))
    (i32.load (i32.const 65600)))
  (func (export "waits") (param $x i64) (result i64)
    (i64.add (call $block) (local.get $x))))
