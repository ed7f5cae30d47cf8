//! Benchmark: writing and re-reading niryat XML for a 1,000-line shipment (being written).

fn main() {}
