//! Python bindings of niryat: placeholder until the Python issue.
