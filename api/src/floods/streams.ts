// Open live-notification streams (the bell's Server-Sent Events) cost a connection each, a read of
// their person's state whenever the node's change feed wakes them, and one every 30 s for as long
// as they stay open (api/src/notifications/feed.ts). One session once opened 4,000 and
// all were accepted; these caps bound what one person, and one node, hold at once. The count is
// per node (in memory): a person's streams spread over N nodes may reach N times the cap.

export type StreamRefusal = 'person' | 'node'

export class StreamCaps {
  private readonly byPerson = new Map<string, number>()
  private total = 0

  constructor(
    private readonly perPerson: number,
    private readonly perNode: number,
  ) {}

  /** Takes a place for one stream of `person`: a release to call exactly once when it ends, or why not. */
  open(person: string): { release: () => void } | { refused: StreamRefusal } {
    const mine = this.byPerson.get(person) ?? 0
    if (mine >= this.perPerson) return { refused: 'person' }
    if (this.total >= this.perNode) return { refused: 'node' }
    this.byPerson.set(person, mine + 1)
    this.total++
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        this.total--
        const left = (this.byPerson.get(person) ?? 1) - 1
        if (left > 0) this.byPerson.set(person, left)
        else this.byPerson.delete(person)
      },
    }
  }

  /** How many streams are open on this node, and for one person. */
  count(person?: string): number {
    return person === undefined ? this.total : (this.byPerson.get(person) ?? 0)
  }
}
