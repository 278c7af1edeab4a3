"""Comments arranged as threads for display: oldest first, replies under their parent."""

from collections import defaultdict
from dataclasses import dataclass, field

from discussion.models import Comment, CommentStatus


@dataclass
class Node:
    comment: Comment
    replies: list["Node"] = field(default_factory=list)

    @property
    def visible(self) -> bool:
        """Deleted comments stay only as a placeholder that holds their replies together."""
        return self.comment.status == CommentStatus.PUBLISHED or bool(self.replies)


def build_threads(comments: list[Comment]) -> list[Node]:
    children: dict[int | None, list[Comment]] = defaultdict(list)
    for comment in comments:
        children[comment.parent_id].append(comment)

    def grow(parent_id: int | None) -> list[Node]:
        nodes = [Node(c, grow(c.pk)) for c in children.get(parent_id, [])]
        return [node for node in nodes if node.visible]

    return grow(None)


def count_published(nodes: list[Node]) -> int:
    return sum(
        (node.comment.status == CommentStatus.PUBLISHED) + count_published(node.replies)
        for node in nodes
    )
