;; A start function that never ends: instantiation can only end by interrupting its thread.
(module
  (func $spin (loop $l (br $l)))
  (start $spin))
