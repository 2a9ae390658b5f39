//! Work split over the machine's cores in order-keeping chunks: what reading, parsing and checking a big course
//! do (every file or topic is independent). Small inputs stay on the calling thread, which starts no thread.

/// `f` applied to every item, results in the items' order: [`map_mut`] for shared items.
pub fn map<T: Sync, R: Send>(items: &[T], parallel: bool, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut refs: Vec<&T> = items.iter().collect();
    map_mut(&mut refs, parallel, |t| f(t))
}

/// `f` applied to every item, results in the items' order. With `parallel` and more than one core, the items are
/// split into one contiguous chunk per core (at most 8), each mapped on its own thread; a panic is passed on.
pub fn map_mut<T: Send, R: Send>(
    items: &mut [T],
    parallel: bool,
    f: impl Fn(&mut T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if !parallel || threads < 2 || items.len() < 2 {
        return items.iter_mut().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = (items.chunks_mut(chunk))
            .map(|part| scope.spawn(move || part.iter_mut().map(f).collect::<Vec<_>>()))
            .collect();
        (workers.into_iter())
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::{map, map_mut};

    #[test]
    fn keeps_the_order_and_maps_every_item_on_any_split() {
        for n in [0usize, 1, 2, 3, 17, 1000] {
            let mut items: Vec<usize> = (0..n).collect();
            let one = map(&items, false, |i| *i * 2);
            assert_eq!(one, map(&items, true, |i| *i * 2));
            let many = map_mut(&mut items, true, |i| {
                *i += 1;
                (*i - 1) * 2
            });
            assert_eq!(one, many);
            assert_eq!(items, (1..=n).collect::<Vec<_>>(), "each item once");
        }
    }

    #[test]
    #[should_panic(expected = "item 5")]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items: Vec<usize> = (0..10).collect();
        map(&items, true, |i| assert_ne!(*i, 5, "item 5"));
    }
}
