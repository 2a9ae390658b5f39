//! Work shared over the machine's cores, results in order: what reading, parsing and checking a big course
//! do (every file or topic is independent). Small inputs stay on the calling thread, which starts no thread.

use std::sync::{Mutex, PoisonError};

/// `f` applied to every item, results in the items' order: [`map_mut`] for shared items.
pub fn map<T: Sync, R: Send>(items: &[T], parallel: bool, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let mut refs: Vec<&T> = items.iter().collect();
    map_mut(&mut refs, parallel, |t| f(t))
}

/// `f` applied to every item, results in the items' order. With `parallel` and more than one core, the items are
/// handed out one at a time to one worker per core (at most 8, the calling thread one of them); a panic is passed
/// on. One at a time, not a fixed share each: on a shared machine one core is often slowed by other work, and with
/// fixed shares the fast one then waited for it.
pub fn map_mut<T: Send, R: Send>(
    items: &mut [T],
    parallel: bool,
    f: impl Fn(&mut T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if !parallel || threads < 2 || items.len() < 2 {
        return items.iter_mut().map(f).collect();
    }
    let n = items.len();
    let queue = Mutex::new(items.iter_mut().enumerate());
    let work = || {
        let mut done = Vec::new();
        loop {
            // The lock is held only to take the next item, never while `f` runs (so it is never poisoned by `f`):
            // taken in a statement of its own, as the guard of a `while let` would live through the loop's body.
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((i, item)) = next else { break };
            done.push((i, f(item)));
        }
        done
    };
    let done: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads.min(n)).map(|_| scope.spawn(work)).collect();
        let mine = work();
        (others.into_iter())
            .map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .chain([mine])
            .collect()
    });
    let mut slots: Vec<Option<R>> = (0..n).map(|_| None).collect();
    for (i, r) in done.into_iter().flatten() {
        slots[i] = Some(r);
    }
    // Every item was taken exactly once, so every slot is filled.
    slots.into_iter().flatten().collect()
}

/// `a` and `b`, side by side with `parallel` on a machine of two cores or more (`b` on a second thread), else one
/// after the other (also when no thread can be had, e.g. at a process limit); a panic in either is passed on.
pub fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl Fn() -> B + Sync,
) -> (A, B) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if !parallel || threads < 2 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let Ok(other) = std::thread::Builder::new().spawn_scoped(scope, &b) else {
            return (a(), b());
        };
        let a = a();
        let b = (other.join()).unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (a, b)
    })
}

#[cfg(test)]
mod tests {
    use super::{join, map, map_mut};

    #[test]
    fn join_gives_both_results_either_way() {
        let text = String::from("shared");
        for parallel in [false, true] {
            let (a, b) = join(parallel, || text.len(), || text.to_uppercase());
            assert_eq!((a, b.as_str()), (6, "SHARED"));
        }
    }

    #[test]
    #[should_panic(expected = "the second")]
    fn a_panic_on_the_second_thread_reaches_the_caller() {
        join(true, || 1, || panic!("the second"));
    }

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
    fn items_are_mapped_at_the_same_time() {
        if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
            return; // one core: the items are mapped in turn by design
        }
        // The first item waits for the second to start: were the queue locked while an item is mapped, it never
        // would.
        let (started, wait) = std::sync::mpsc::channel();
        let wait = std::sync::Mutex::new(wait);
        let met = map(&[0, 1], true, |&i| {
            if i == 1 {
                started.send(()).is_ok()
            } else {
                let wait = wait
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                wait.recv_timeout(std::time::Duration::from_secs(10))
                    .is_ok()
            }
        });
        assert_eq!(met, [true, true]);
    }

    #[test]
    #[should_panic(expected = "item 5")]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items: Vec<usize> = (0..10).collect();
        map(&items, true, |i| assert_ne!(*i, 5, "item 5"));
    }
}
