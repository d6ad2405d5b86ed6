//! Independent work on every core, handed back in order: files are checked side by side while
//! the results of those before them are written, and never more than a few batches are held,
//! so that memory stays flat however many files there are.

use std::sync::mpsc;

use rayon::prelude::*;

/// How many items are worked on side by side before their results are handed back.
const BATCH: usize = 256;
/// How many finished batches may wait to be handed back.
const AHEAD: usize = 2;

/// Applies `work` to every item on the thread pool and hands each result to `take`, in the
/// items' order, on the calling thread. Stops at the first error `take` returns.
pub fn in_order<T, R, E>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut take: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    std::thread::scope(|scope| {
        let (done, finished) = mpsc::sync_channel::<Vec<R>>(AHEAD);
        let work = &work;
        scope.spawn(move || {
            for batch in items.chunks(BATCH) {
                let results: Vec<R> = batch.par_iter().map(work).collect();
                // The receiver is gone when taking failed: nothing more is wanted.
                if done.send(results).is_err() {
                    return;
                }
            }
        });
        for batch in finished {
            for result in batch {
                take(result)?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_across_batches() {
        let items: Vec<usize> = (0..1_000).collect();
        let mut seen = Vec::new();
        in_order(
            &items,
            |n| n * 2,
            |n| {
                seen.push(n);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..1_000).map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_stops_the_work() {
        let items: Vec<usize> = (0..10_000).collect();
        let mut taken = 0;
        let result = in_order(
            &items,
            |n| *n,
            |n| {
                taken += 1;
                if n == 300 { Err(n) } else { Ok(()) }
            },
        );
        assert_eq!(result, Err(300));
        assert_eq!(taken, 301);
    }
}
